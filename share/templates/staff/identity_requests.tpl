{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<p>{{staff_identity_requests_explanation}}</p>
{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_case_refused}}</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/REFUSED}}
{{#EMPTY}}<p>{{staff_identity_requests_empty}}</p>{{/EMPTY}}
{{#REQUEST}}<section class="identity-request" id="request-{{ID}}">
<h2><span dir="ltr">{{REFERENCE}}</span></h2>
<p class="meta"><span dir="ltr">{{AT}}</span> · {{REQUESTER_NAME}} (<span dir="ltr">{{REQUESTER}}</span>) · {{OFFICE_NAME}}</p>
<p class="typed">{{REASON}}</p>
<form method="post" action="/staff/identity-requests/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="answer-{{ID}}">{{staff_identity_requests_answer}}</label><br>
<span class="hint">{{staff_identity_requests_answer_hint}}</span><br>
<textarea id="answer-{{ID}}" name="answer" rows="2" maxlength="{{REASON_MAX}}"></textarea></p>
<p><button type="submit" name="decision" value="approve">{{staff_identity_requests_approve}}</button>
<button type="submit" name="decision" value="decline" class="secondary">{{staff_identity_requests_decline}}</button></p>
</form>
</section>
{{/REQUEST}}
<p><a href="/staff/">{{staff_problem_home}}</a></p>
{{>FOOT}}
