{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<div class="notice" role="alert"><p>{{MESSAGE}}</p></div>
<p><a href="/staff/">{{staff_problem_home}}</a></p>
{{>FOOT}}
