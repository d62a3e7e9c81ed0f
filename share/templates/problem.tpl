{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{PROBLEM_TITLE}}</h1>
<div class="notice" role="alert"><p>{{PROBLEM_MESSAGE}}</p></div>
<p><a href="/?lang={{LANG}}">{{problem_home}}</a></p>
{{>FOOT}}
