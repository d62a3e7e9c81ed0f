{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
{{#NOTICE}}<div class="notice" role="alert"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<form method="post" action="/staff/sign-in">
<p><label for="username">{{staff_sign_in_username}}</label><br>
<input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required></p>
<p><label for="password">{{staff_sign_in_password}}</label><br>
<input type="password" id="password" name="password" autocomplete="current-password" required></p>
<p><button type="submit">{{staff_sign_in_submit}}</button></p>
</form>
{{>FOOT}}
