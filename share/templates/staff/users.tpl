{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<table class="queue">
<thead><tr><th scope="col">{{staff_admin_username}}</th><th scope="col">{{staff_admin_name}}</th><th scope="col">{{staff_admin_roles}}</th><th scope="col">{{staff_admin_offices}}</th><th scope="col">{{staff_admin_state}}</th></tr></thead>
<tbody>
{{#MEMBER}}<tr><td><a href="/staff/admin/users/{{ID}}" dir="ltr">{{USERNAME}}</a></td><td>{{NAME}}</td><td>{{ROLES}}</td><td dir="ltr">{{OFFICES}}</td><td>{{STATE}}</td></tr>
{{/MEMBER}}</tbody>
</table>
<h2 id="create">{{staff_admin_create_heading}}</h2>
<p class="hint">{{staff_admin_create_explanation}}</p>
{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_admin_refused}}</p></div>{{/REFUSED}}
<form method="post" action="/staff/admin/users">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="username">{{staff_admin_username}}</label><br>
{{#USERNAME_ERROR}}<span class="error">{{USERNAME_ERROR_TEXT}}</span><br>{{/USERNAME_ERROR}}
<input type="text" id="username" name="username" value="{{USERNAME_VALUE}}" maxlength="64" autocomplete="off" autocapitalize="none" spellcheck="false" dir="ltr" required></p>
<p><label for="display_name">{{staff_admin_name}}</label><br>
{{#DISPLAY_NAME_ERROR}}<span class="error">{{DISPLAY_NAME_ERROR_TEXT}}</span><br>{{/DISPLAY_NAME_ERROR}}
<input type="text" id="display_name" name="display_name" value="{{DISPLAY_NAME_VALUE}}" maxlength="100" autocomplete="off" required></p>
<fieldset><legend>{{staff_admin_roles}}</legend>
{{#ROLES_ERROR}}<p class="error">{{ROLES_ERROR_TEXT}}</p>{{/ROLES_ERROR}}
{{#ROLE_CHOICE}}<label><input type="checkbox" name="role" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label><br>
{{/ROLE_CHOICE}}<p class="hint">{{staff_admin_roles_hint}}</p>
</fieldset>
<fieldset><legend>{{staff_admin_offices}}</legend>
{{#OFFICES_ERROR}}<p class="error">{{OFFICES_ERROR_TEXT}}</p>{{/OFFICES_ERROR}}
{{#OFFICE_CHOICE}}<label><input type="checkbox" name="office" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}} (<span dir="ltr">{{VALUE}}</span>)</label><br>
{{/OFFICE_CHOICE}}</fieldset>
<p><button type="submit">{{staff_admin_create}}</button></p>
</form>
{{>FOOT}}
