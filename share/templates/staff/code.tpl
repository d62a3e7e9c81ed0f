{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
{{#NOTICE}}<div class="notice" role="alert"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<form method="post" action="/staff/sign-in/code">
<p><label for="code">{{staff_code_label}}</label><br>
<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" dir="ltr"></p>
<p><button type="submit">{{staff_code_submit}}</button></p>
</form>
<h2>{{staff_code_recovery_heading}}</h2>
<form method="post" action="/staff/sign-in/code">
<p><label for="recovery_code">{{staff_code_recovery_label}}</label><br>
<input type="text" id="recovery_code" name="recovery_code" autocomplete="off" autocapitalize="characters" spellcheck="false" dir="ltr"></p>
<p><button type="submit" class="secondary">{{staff_code_recovery_submit}}</button></p>
</form>
{{>FOOT}}
