{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{review_heading}}</h1>
<p class="lead">{{review_intro}}</p>
<form method="post" action="/complaint" class="complaint-form"{{#MULTIPART}} enctype="multipart/form-data"{{/MULTIPART}} novalidate>
<input type="hidden" name="lang" value="{{LANG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
{{#HIDDEN}}<input type="hidden" name="{{HIDDEN_NAME}}" value="{{HIDDEN_VALUE:pre_escape}}">
{{/HIDDEN}}
<section aria-labelledby="review-summary">
<h2 id="review-summary">{{review_summary_heading}}</h2>
<dl class="summary">
{{#SUMMARY_ITEM}}<dt>{{FIELD_LABEL}}</dt><dd class="typed">{{FIELD_VALUE:pre_escape}}</dd>
{{/SUMMARY_ITEM}}
</dl>
<button type="submit" name="action" value="edit" class="secondary">{{review_edit}}</button>
</section>
<section aria-labelledby="review-offices">
<h2 id="review-offices">{{review_offices_heading}}</h2>
<p>{{review_offices_intro}}</p>
<ul class="proposals">
{{#PROPOSAL}}<li><strong>{{OFFICE_NAME}}</strong>
<ul>{{#REASON}}<li>{{REASON_TEXT}}</li>{{/REASON}}</ul>
</li>
{{/PROPOSAL}}
</ul>
<fieldset class="choices">
<legend>{{review_offices_choose}}</legend>
<p class="hint">{{review_offices_hint}}</p>
{{#OFFICE_CHOICE}}
<div class="choice">
<input type="checkbox" id="{{CHOICE_ID}}" name="offices" value="{{CHOICE_VALUE}}"{{#CHOICE_CHECKED}} checked{{/CHOICE_CHECKED}}>
<label for="{{CHOICE_ID}}">{{CHOICE_LABEL}}</label>
{{#HAS_CHOICE_HINT}}<p class="hint">{{CHOICE_HINT}}</p>{{/HAS_CHOICE_HINT}}
</div>
{{/OFFICE_CHOICE}}
</fieldset>
</section>
<section aria-labelledby="review-completeness">
<h2 id="review-completeness">{{review_completeness_heading}}</h2>
<p>{{review_completeness_intro}}</p>
<ul class="checklist">
{{#ASPECT}}<li class="{{#PRESENT}}present{{/PRESENT}}{{#MISSING}}missing{{/MISSING}}"><strong>{{ASPECT_LABEL}}</strong>: {{#PRESENT}}{{review_present}}{{/PRESENT}}{{#MISSING}}{{review_missing}} <span class="hint">{{ASPECT_HINT}}</span>{{/MISSING}}</li>
{{/ASPECT}}
</ul>
</section>
{{#EVIDENCE}}
<section aria-labelledby="review-evidence">
<h2 id="review-evidence">{{review_evidence_heading}}</h2>
<p>{{review_evidence_intro}}</p>
{{#EVIDENCE_ERROR}}<p class="error" role="alert">{{EVIDENCE_ERROR_TEXT}}</p>
{{/EVIDENCE_ERROR}}
<label for="evidence">{{review_evidence_label}}</label>
<input type="file" id="evidence" name="evidence" multiple aria-describedby="evidence-hint">
<p class="hint" id="evidence-hint">{{EVIDENCE_LIMITS}} {{review_evidence_privacy}}</p>
</section>
{{/EVIDENCE}}
<div class="actions">
<button type="submit" name="action" value="file">{{review_file}}</button>
<button type="submit" name="action" value="edit" class="secondary">{{review_edit}}</button>
</div>
</form>
{{>FOOT}}
