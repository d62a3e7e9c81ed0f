{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
{{#NOTICE}}<div class="notice" role="alert"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<p>{{staff_choose_password_explanation}}</p>
<form method="post" action="/staff/sign-in/password">
<input type="text" name="username" value="{{USERNAME}}" autocomplete="username" hidden>
<p><label for="password">{{staff_choose_password_label}}</label><br>
<input type="password" id="password" name="password" autocomplete="new-password" required minlength="12" dir="ltr"></p>
<p><label for="repeat">{{staff_choose_password_repeat}}</label><br>
<input type="password" id="repeat" name="repeat" autocomplete="new-password" required minlength="12" dir="ltr"></p>
<p><button type="submit">{{staff_choose_password_submit}}</button></p>
</form>
{{>FOOT}}
