{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{lookup_heading}}</h1>
<p class="lead">{{lookup_intro}}</p>
{{#HAS_NOTICE}}<div class="notice" role="alert"><p>{{NOTICE}}</p></div>{{/HAS_NOTICE}}
{{#NOT_FOUND}}<div class="notice" role="alert"><p>{{lookup_not_found}}</p></div>{{/NOT_FOUND}}
{{#RESULT}}
<section class="status-result" aria-labelledby="status-result-heading">
<h2 id="status-result-heading">{{lookup_result_heading}}</h2>
<dl class="summary">
<dt>{{lookup_reference}}</dt><dd class="reference" dir="ltr">{{REFERENCE}}</dd>
<dt>{{lookup_handling_office}}</dt><dd>{{OFFICE_NAME}}</dd>
<dt>{{lookup_received}}</dt><dd><time datetime="{{RECEIVED_ON}}" dir="ltr">{{RECEIVED_ON}}</time></dd>
<dt>{{lookup_current}}</dt><dd><strong>{{STATUS_LABEL}}</strong></dd>
</dl>
{{#OWED}}<p class="next-step{{#LATE}} late{{/LATE}}"><time datetime="{{OWED_DATE}}">{{OWED_TEXT}}</time></p>{{#WAITING}}<p class="waiting">{{WAITING_TEXT}}</p>{{/WAITING}}{{/OWED}}
<h3>{{lookup_timeline}}</h3>
<ol class="timeline">
{{#EVENT}}<li><time datetime="{{EVENT_DATE}}" dir="ltr">{{EVENT_DATE}}</time> {{EVENT_STATUS}}{{#EVENT_NOTE}}<p class="event-note" dir="auto">{{NOTE}}</p>{{/EVENT_NOTE}}</li>
{{/EVENT}}
</ol>
{{#OUTCOME}}
<section class="outcome" aria-labelledby="outcome-heading">
<h3 id="outcome-heading">{{outcome_heading}}</h3>
<h4>{{outcome_findings}}</h4>
<ul class="findings">
{{#FINDING}}<li><strong>{{ALLEGATION}}:</strong> {{FINDING_TEXT}}</li>
{{/FINDING}}
</ul>
<h4>{{outcome_decision}}</h4>
<p class="written" dir="auto">{{OUTCOME_TEXT}}</p>
{{#HAS_REMEDY}}<h4>{{outcome_remedy}}</h4>
<p class="written" dir="auto">{{REMEDY_TEXT}}</p>{{/HAS_REMEDY}}
{{#WINDOW_CLOSED}}<p class="reconsider">{{RECONSIDER_CLOSED}}</p>{{/WINDOW_CLOSED}}
{{#RECONSIDER_FORM}}
<h4>{{reconsider_heading}}</h4>
<form method="post" action="/status/reconsideration" class="reply-form" novalidate>
<input type="hidden" name="lang" value="{{LANG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<input type="hidden" name="reference" value="{{REFERENCE}}">
<input type="hidden" name="receipt" value="{{RECEIPT}}">
<div class="field{{#HAS_ERROR}} field-error{{/HAS_ERROR}}">
<label for="f-reconsider">{{reconsider_label}}</label>
<p class="hint" id="f-reconsider-hint">{{RECONSIDER_OPEN}}</p>
{{#HAS_ERROR}}<p class="error-message" id="f-reconsider-error">{{ERROR}}</p>{{/HAS_ERROR}}
<textarea id="f-reconsider" name="text" rows="6" dir="auto" aria-describedby="f-reconsider-hint{{#HAS_ERROR}} f-reconsider-error{{/HAS_ERROR}}">{{TEXT_VALUE}}</textarea>
</div>
<div class="actions">
<button type="submit">{{reconsider_submit}}</button>
</div>
</form>
{{/RECONSIDER_FORM}}
</section>
{{/OUTCOME}}
<section class="messages" aria-labelledby="messages-heading">
<h3 id="messages-heading">{{messages_heading}}</h3>
{{#NO_MESSAGES}}<p>{{messages_none}}</p>{{/NO_MESSAGES}}
<ol class="message-list">
{{#MESSAGE}}<li class="{{MESSAGE_CLASS}}"><p class="message-head"><strong>{{MESSAGE_FROM}}</strong> <time datetime="{{MESSAGE_DATE}}" dir="ltr">{{MESSAGE_DATE}}</time></p>
<p class="written" dir="auto">{{MESSAGE_TEXT}}</p></li>
{{/MESSAGE}}
</ol>
{{#REPLY_FORM}}
<h4>{{reply_heading}}</h4>
<form method="post" action="/status/messages" class="reply-form" novalidate>
<input type="hidden" name="lang" value="{{LANG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<input type="hidden" name="reference" value="{{REFERENCE}}">
<input type="hidden" name="receipt" value="{{RECEIPT}}">
<div class="field{{#HAS_ERROR}} field-error{{/HAS_ERROR}}">
<label for="f-reply">{{reply_label}}</label>
<p class="hint" id="f-reply-hint">{{reply_hint}}</p>
{{#HAS_ERROR}}<p class="error-message" id="f-reply-error">{{ERROR}}</p>{{/HAS_ERROR}}
<textarea id="f-reply" name="text" rows="6" dir="auto" aria-describedby="f-reply-hint{{#HAS_ERROR}} f-reply-error{{/HAS_ERROR}}">{{TEXT_VALUE}}</textarea>
</div>
<div class="actions">
<button type="submit">{{reply_submit}}</button>
</div>
</form>
{{/REPLY_FORM}}
</section>
{{#EVIDENCE_FORM}}<section class="evidence" aria-labelledby="evidence-heading">
<h3 id="evidence-heading">{{evidence_heading}}</h3>
{{#HAS_EVIDENCE_ADDED}}<p class="notice" role="status">{{EVIDENCE_ADDED}}</p>{{/HAS_EVIDENCE_ADDED}}
<form method="post" action="/status/evidence" class="reply-form" enctype="multipart/form-data" novalidate>
<input type="hidden" name="lang" value="{{LANG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<input type="hidden" name="reference" value="{{REFERENCE}}">
<input type="hidden" name="receipt" value="{{RECEIPT}}">
{{#EVIDENCE_ERROR}}<p class="error-message" role="alert">{{EVIDENCE_ERROR_TEXT}}</p>
{{/EVIDENCE_ERROR}}
<label for="f-evidence">{{evidence_label}}</label>
<input type="file" id="f-evidence" name="evidence" multiple aria-describedby="f-evidence-hint">
<p class="hint" id="f-evidence-hint">{{EVIDENCE_LIMITS}}</p>
<div class="actions"><button type="submit">{{evidence_submit}}</button></div>
</form>
</section>{{/EVIDENCE_FORM}}
{{#CONSENT}}<section class="consent" aria-labelledby="consent-heading">
<h3 id="consent-heading">{{consent_heading}}</h3>
<p>{{consent_explanation}}</p>
{{#CONSENT_GIVEN}}<p><strong>{{consent_now_given}}</strong></p>{{/CONSENT_GIVEN}}
{{#CONSENT_NOT_GIVEN}}<p><strong>{{consent_now_not_given}}</strong></p>{{/CONSENT_NOT_GIVEN}}
<form method="post" action="/status/consent" class="reply-form" novalidate>
<input type="hidden" name="lang" value="{{LANG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<input type="hidden" name="reference" value="{{REFERENCE}}">
<input type="hidden" name="receipt" value="{{RECEIPT}}">
{{#CONSENT_NOT_GIVEN}}<input type="hidden" name="consent" value="given">
<div class="actions"><button type="submit">{{consent_give}}</button></div>{{/CONSENT_NOT_GIVEN}}
{{#CONSENT_GIVEN}}<input type="hidden" name="consent" value="withdrawn">
<div class="actions"><button type="submit" class="secondary">{{consent_withdraw}}</button></div>{{/CONSENT_GIVEN}}
</form>
</section>{{/CONSENT}}
</section>
{{/RESULT}}
<form method="post" action="/status" class="status-form" novalidate>
<input type="hidden" name="lang" value="{{LANG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<div class="field">
<label for="f-reference">{{lookup_reference_label}}</label>
<p class="hint" id="f-reference-hint">{{lookup_reference_hint}}</p>
<input type="text" id="f-reference" name="reference" value="{{REFERENCE_VALUE}}" autocomplete="off" dir="ltr" aria-describedby="f-reference-hint">
</div>
<div class="field">
<label for="f-receipt">{{lookup_receipt_label}}</label>
<p class="hint" id="f-receipt-hint">{{lookup_receipt_hint}}</p>
<input type="text" id="f-receipt" name="receipt" value="" autocomplete="off" spellcheck="false" autocapitalize="characters" class="monospace" dir="ltr" aria-describedby="f-receipt-hint">
</div>
<div class="actions">
<button type="submit">{{lookup_submit}}</button>
</div>
</form>
{{>FOOT}}
