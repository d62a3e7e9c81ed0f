{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<p>{{staff_home_signed_in_as}} <strong>{{NAME}}</strong> (<span dir="ltr">{{USERNAME}}</span>)</p>
<h2>{{staff_home_roles}}</h2>
<ul class="roles">
{{#ROLE}}<li>{{ROLE_NAME}}</li>
{{/ROLE}}
</ul>
<h2>{{staff_home_offices}}</h2>
<ul class="offices">
{{#OFFICE}}<li>{{OFFICE_NAME}} (<span dir="ltr">{{OFFICE_ID}}</span>){{#QUEUE_LINK}}: <a href="/staff/queue?office={{OFFICE_ID}}">{{staff_home_queue}}</a>{{/QUEUE_LINK}}{{#OVERDUE_LINK}} · <a href="/staff/overdue?office={{OFFICE_ID}}">{{staff_overdue_link}}</a>{{/OVERDUE_LINK}}{{#INTAKE_LINK}} · <a href="/staff/intake/new?office={{OFFICE_ID}}">{{staff_intake_link}}</a>{{/INTAKE_LINK}}</li>
{{/OFFICE}}
</ul>
{{#NO_OFFICE}}<p>{{staff_home_no_office}}</p>{{/NO_OFFICE}}
{{#MY_CASES}}<p><a href="/staff/cases">{{staff_cases_link}}</a></p>{{/MY_CASES}}
{{#AUDIT}}<p><a href="/staff/audit">{{staff_audit_link}}</a></p>{{/AUDIT}}
{{#IDENTITY_REQUESTS}}<p><a href="/staff/identity-requests">{{staff_identity_requests_link}}</a></p>{{/IDENTITY_REQUESTS}}
{{#ADMIN}}<p><a href="/staff/admin/users">{{staff_admin_users_link}}</a></p>{{/ADMIN}}
<form method="post" action="/staff/sign-out">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit" class="secondary">{{staff_sign_out}}</button></p>
</form>
{{>FOOT}}
