{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<p>{{#CREATED}}{{staff_admin_created_for}}{{/CREATED}}{{#ISSUED}}{{staff_admin_code_issued_for}}{{/ISSUED}} <strong>{{NAME}}</strong> (<span dir="ltr">{{USERNAME}}</span>)</p>
<p>{{staff_admin_created_code}}</p>
<p class="recovery-codes"><code dir="ltr">{{CODE}}</code></p>
<p>{{staff_admin_created_until}} <span dir="ltr">{{UNTIL}}</span></p>
<p class="hint">{{staff_admin_created_explanation}}</p>
<p><a href="/staff/admin/users/{{ID}}">{{staff_admin_created_continue}}</a></p>
{{>FOOT}}
