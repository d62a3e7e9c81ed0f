{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}} <span dir="ltr">{{REFERENCE}}</span></h1>
<p>{{staff_identity_explanation}}</p>
<p class="hint">{{VIEWS_TEXT}}</p>
{{#NO_IDENTITY}}<p class="notice">{{staff_identity_refusal_no_identity}}</p>{{/NO_IDENTITY}}
{{#NOT_HANDLING}}<p class="notice">{{staff_identity_refusal_not_handling}}</p>{{/NOT_HANDLING}}
{{#NO_CONSENT}}<p class="notice">{{staff_identity_refusal_no_consent}}</p>{{/NO_CONSENT}}
{{#PENDING}}<p class="notice">{{staff_identity_pending}} <span dir="ltr">{{ASKED_AT}}</span></p>{{/PENDING}}
{{#DECLINED}}<div class="error-summary" role="alert"><p>{{staff_identity_declined}} <span dir="ltr">{{DECIDED_AT}}</span> · <span dir="ltr">{{DECIDED_BY}}</span></p><p class="typed">{{ANSWER}}</p></div>{{/DECLINED}}
{{#APPROVED}}<p class="notice">{{staff_identity_approved}} <span dir="ltr">{{DECIDED_AT}}</span> · <span dir="ltr">{{DECIDED_BY}}</span></p>{{/APPROVED}}
{{#REQUESTED}}<p class="notice" role="status">{{staff_identity_requested}}</p>{{/REQUESTED}}
{{#FORM}}{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_case_refused}}</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/REFUSED}}
<form method="post" action="/staff/complaints/{{REFERENCE}}/identity">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="reason">{{staff_identity_reason}}</label><br>
<span class="hint">{{staff_identity_reason_hint}}</span><br>
<textarea id="reason" name="reason" rows="3" maxlength="{{REASON_MAX}}" required>{{REASON_VALUE}}</textarea></p>
<p><button type="submit">{{#ASK}}{{staff_identity_ask}}{{/ASK}}{{#OPEN}}{{staff_identity_open}}{{/OPEN}}</button></p>
</form>
{{/FORM}}
{{#SHOWN}}<h2>{{staff_identity_complainant}}</h2>
<dl class="complaint-facts identity">
<dt>{{staff_identity_confidentiality}}</dt><dd>{{CONFIDENTIALITY}}</dd>
<dt>{{staff_identity_name}}</dt><dd class="typed">{{NAME}}</dd>
<dt>{{staff_identity_email}}</dt><dd dir="ltr" class="typed">{{EMAIL}}</dd>
<dt>{{staff_identity_phone}}</dt><dd dir="ltr" class="typed">{{PHONE}}</dd>
<dt>{{staff_identity_address}}</dt><dd class="typed">{{ADDRESS}}</dd>
<dt>{{staff_identity_language}}</dt><dd dir="ltr">{{LANGUAGE}}</dd>
<dt>{{staff_identity_replies_by_email}}</dt><dd>{{REPLIES_BY_EMAIL}}</dd>
</dl>
{{#ON_BEHALF}}<h2>{{staff_identity_on_behalf}}</h2>
<dl class="complaint-facts identity">
<dt>{{staff_identity_relationship}}</dt><dd class="typed">{{RELATIONSHIP}}</dd>
<dt>{{staff_identity_person}}</dt><dd class="typed">{{PERSON}}</dd>
<dt>{{staff_identity_facility}}</dt><dd class="typed">{{FACILITY}}</dd>
<dt>{{staff_identity_case_number}}</dt><dd dir="ltr" class="typed">{{CASE_NUMBER}}</dd>
<dt>{{staff_identity_person_consent}}</dt><dd>{{PERSON_CONSENT}}</dd>
</dl>{{/ON_BEHALF}}
{{#WITNESSES}}<h2>{{staff_identity_witnesses}}</h2>
<ol>{{#WITNESS}}<li><p class="typed"><strong>{{NAME}}</strong> · <span dir="ltr">{{CONTACT}}</span></p><p class="typed">{{ACCOUNT}}</p></li>
{{/WITNESS}}</ol>{{/WITNESSES}}
{{/SHOWN}}
<p><a href="/staff/complaints/{{REFERENCE}}">{{staff_identity_back}}</a></p>
{{>FOOT}}
