{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}} <span dir="ltr">{{USERNAME}}</span></h1>
<p><a href="/staff/admin/users">{{staff_admin_back}}</a></p>
<dl class="complaint-facts">
<dt>{{staff_admin_name}}</dt><dd>{{NAME}}</dd>
<dt>{{staff_admin_created}}</dt><dd dir="ltr">{{CREATED}}</dd>
<dt>{{staff_admin_state}}</dt><dd>{{STATE}}</dd>
</dl>
<h2 id="access">{{staff_admin_access_heading}}</h2>
{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_admin_refused}}</p></div>{{/REFUSED}}
<form method="post" action="/staff/admin/users/{{ID}}/access">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>{{staff_admin_roles}}</legend>
{{#ROLES_ERROR}}<p class="error">{{ROLES_ERROR_TEXT}}</p>{{/ROLES_ERROR}}
{{#ROLE_CHOICE}}<label><input type="checkbox" name="role" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label><br>
{{/ROLE_CHOICE}}<p class="hint">{{staff_admin_roles_hint}}</p>
</fieldset>
<fieldset><legend>{{staff_admin_offices}}</legend>
{{#OFFICES_ERROR}}<p class="error">{{OFFICES_ERROR_TEXT}}</p>{{/OFFICES_ERROR}}
{{#OFFICE_CHOICE}}<label><input type="checkbox" name="office" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}} (<span dir="ltr">{{VALUE}}</span>)</label><br>
{{/OFFICE_CHOICE}}</fieldset>
<p><button type="submit">{{staff_admin_save_access}}</button></p>
</form>
<h2 id="account">{{staff_admin_account_heading}}</h2>
{{#DISABLE}}{{#YOURSELF}}<p>{{staff_admin_yourself}}</p>{{/YOURSELF}}
<form method="post" action="/staff/admin/users/{{ID}}/disable">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint">{{staff_admin_disable_explanation}}</p>
<p><button type="submit" class="secondary">{{staff_admin_disable}}</button></p>
</form>{{/DISABLE}}
{{#ENABLE}}<form method="post" action="/staff/admin/users/{{ID}}/enable">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">{{staff_admin_enable}}</button></p>
</form>{{/ENABLE}}
{{#NEW_CODE}}<form method="post" action="/staff/admin/users/{{ID}}/set-up-code">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint">{{staff_admin_new_code_explanation}}</p>
<p><button type="submit" class="secondary">{{staff_admin_new_code}}</button></p>
</form>{{/NEW_CODE}}
{{#RESET}}<form method="post" action="/staff/admin/users/{{ID}}/second-factor-reset">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint">{{staff_admin_reset_explanation}}</p>
<p><button type="submit" class="secondary">{{staff_admin_reset}}</button></p>
</form>{{/RESET}}
{{>FOOT}}
