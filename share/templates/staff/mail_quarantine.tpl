{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<p>{{staff_mail_quarantine_explanation}}</p>
{{#EMPTY}}<p>{{staff_mail_quarantine_empty}}</p>{{/EMPTY}}
{{#LIST}}<table class="queue quarantine">
<thead><tr><th scope="col">{{staff_mail_quarantine_received}}</th><th scope="col">{{staff_mail_quarantine_reason}}</th><th scope="col">{{staff_mail_quarantine_detail}}</th><th scope="col">{{staff_mail_quarantine_size}}</th><th scope="col">{{staff_mail_quarantine_download}}</th></tr></thead>
<tbody>
{{/LIST}}{{#MAIL}}<tr><td dir="ltr">{{RECEIVED_AT}}</td><td dir="ltr"><code>{{REASON}}</code></td><td>{{DETAIL}}</td><td dir="ltr">{{SIZE}}</td><td><a href="/staff/mail-quarantine/{{ID}}" download>{{staff_mail_quarantine_raw}}</a></td></tr>
{{/MAIL}}{{#LIST}}</tbody>
</table>{{/LIST}}
<p class="hint">{{staff_mail_quarantine_hint}}</p>
{{>FOOT}}
