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
{{#NEXT_STEP}}<p class="next-step">{{lookup_next}} {{NEXT_TEXT}} <time datetime="{{NEXT_DATE}}">{{NEXT_DUE}}</time></p>{{/NEXT_STEP}}
<h3>{{lookup_timeline}}</h3>
<ol class="timeline">
{{#EVENT}}<li><time datetime="{{EVENT_DATE}}" dir="ltr">{{EVENT_DATE}}</time> {{EVENT_STATUS}}</li>
{{/EVENT}}
</ol>
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
