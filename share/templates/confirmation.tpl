{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{confirmation_heading}}</h1>
<p class="lead">{{confirmation_intro}}</p>
<section class="receipt-box" aria-labelledby="receipt-heading">
<h2 id="receipt-heading">{{confirmation_receipt_heading}}</h2>
<p class="warning"><strong>{{confirmation_receipt_warning}}</strong></p>
<p class="receipt" dir="ltr">{{#RECEIPT_GROUP}}<span class="receipt-group">{{GROUP}}</span>{{#RECEIPT_GROUP_separator}}-{{/RECEIPT_GROUP_separator}}{{/RECEIPT_GROUP}}</p>
<p>{{confirmation_receipt_use}}</p>
<p class="no-print">{{confirmation_print}}</p>
</section>
<section aria-labelledby="filed-heading">
<h2 id="filed-heading">{{confirmation_filed_heading}}</h2>
<p>{{confirmation_received}} <time datetime="{{RECEIVED_AT}}" dir="ltr">{{RECEIVED_AT}}</time></p>
{{#COMPLAINT}}
<article class="filed">
<h3>{{OFFICE_NAME}}</h3>
<p>{{confirmation_reference}} <strong class="reference" dir="ltr">{{REFERENCE}}</strong></p>
{{#NEXT_STEP}}<p>{{confirmation_next}} {{NEXT_TEXT}} <time datetime="{{NEXT_DATE}}">{{NEXT_DUE}}</time></p>{{/NEXT_STEP}}
</article>
{{/COMPLAINT}}
{{#FILES}}<p>{{FILES_RECEIVED}}</p>
<ul class="files">{{#FILE}}<li dir="auto">{{FILE_NAME}}</li>{{/FILE}}</ul>
{{/FILES}}
</section>
<section class="proof" aria-labelledby="proof-heading">
<h2 id="proof-heading">{{confirmation_proof_heading}}</h2>
<p>{{confirmation_proof_intro}}</p>
<pre class="proof-text">{{PROOF:pre_escape}}</pre>
<p>{{confirmation_proof_verify}} <a href="/verify?lang={{LANG}}">{{confirmation_proof_link}}</a></p>
</section>
<p class="no-print"><a class="button" href="/status?lang={{LANG}}">{{confirmation_status_link}}</a></p>
{{>FOOT}}
