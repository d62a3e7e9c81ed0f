{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<p>{{staff_enrol_intro}}</p>
<div class="qr-code">{{QR_SVG:none}}</div>
<p>{{staff_enrol_secret}}</p>
<p><code class="totp-secret" dir="ltr">{{SECRET}}</code></p>
<form method="post" action="/staff/sign-in/enrol">
<input type="hidden" name="enrolment" value="{{SEALED}}">
<p><label for="code">{{staff_enrol_code}}</label><br>
<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" dir="ltr" required></p>
<p><button type="submit">{{staff_enrol_submit}}</button></p>
</form>
{{>FOOT}}
