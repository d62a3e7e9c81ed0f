{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<p>{{staff_audit_explanation}}</p>
{{#INTACT}}<p class="notice">{{staff_audit_intact}}</p>{{/INTACT}}
{{#NOT_INTACT}}<div class="error-summary" role="alert"><p>{{staff_audit_not_intact}}</p></div>{{/NOT_INTACT}}
{{#EMPTY}}<p>{{staff_audit_empty}}</p>{{/EMPTY}}
{{#LIST}}<table class="queue audit">
<thead><tr><th scope="col">{{staff_audit_sequence}}</th><th scope="col">{{staff_audit_at}}</th><th scope="col">{{staff_audit_actor}}</th><th scope="col">{{staff_audit_action}}</th><th scope="col">{{staff_audit_object}}</th><th scope="col">{{staff_audit_reason}}</th><th scope="col">{{staff_audit_details}}</th><th scope="col">{{staff_audit_hash}}</th></tr></thead>
<tbody>
{{/LIST}}{{#ENTRY}}<tr{{#BROKEN}} class="broken"{{/BROKEN}}><td dir="ltr">{{SEQUENCE}}</td><td dir="ltr">{{AT}}</td><td dir="ltr">{{ACTOR}}</td><td dir="ltr">{{ACTION}}</td><td dir="ltr">{{OBJECT}}</td><td class="typed">{{REASON}}</td><td dir="ltr" class="typed">{{DETAILS}}</td><td dir="ltr"><code>{{HASH}}</code>{{#BROKEN}} <strong>{{staff_audit_broken}}</strong>{{/BROKEN}}</td></tr>
{{/ENTRY}}{{#LIST}}</tbody>
</table>{{/LIST}}
{{#OLDER}}<p><a href="/staff/audit?before={{OLDER_BEFORE}}">{{staff_audit_older}}</a></p>{{/OLDER}}
<p><a href="/staff/audit">{{staff_audit_newest}}</a> · <a href="/staff/">{{staff_problem_home}}</a></p>
{{>FOOT}}
