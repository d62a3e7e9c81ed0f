{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<div class="notice" role="alert"><p>{{staff_recovery_intro}}</p></div>
<ul class="recovery-codes" dir="ltr">
{{#CODE}}<li><code>{{VALUE}}</code></li>
{{/CODE}}
</ul>
<p><a class="button" href="/staff/">{{staff_recovery_continue}}</a></p>
{{>FOOT}}
