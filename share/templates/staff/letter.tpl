{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<div class="officer-note no-print" role="alert">
<h1>{{staff_letter_heading}}</h1>
<p><strong>{{staff_letter_officer_note}}</strong></p>
<p>{{staff_letter_print}}</p>
<ul>
{{#STAFF_LINK}}<li><a href="/staff/complaints/{{REFERENCE}}" dir="ltr">{{REFERENCE}}</a></li>
{{/STAFF_LINK}}<li><a href="/staff/intake/new?office={{OFFICE_ID}}">{{staff_letter_another}}</a></li>
</ul>
</div>
<article class="letter" lang="{{LETTER_LANG}}" dir="{{LETTER_DIR}}">
<header class="letter-head">
<p class="letter-office"><strong>{{LETTER_OFFICE}}</strong></p>
{{#OFFICE_ADDRESS}}<p class="letter-address">{{ADDRESS:pre_escape}}</p>{{/OFFICE_ADDRESS}}
{{#OFFICE_PHONE}}<p dir="ltr">{{PHONE}}</p>{{/OFFICE_PHONE}}
<p>{{L_DATE}} <time datetime="{{LETTER_DATE}}" dir="ltr">{{LETTER_DATE}}</time></p>
</header>
<h2>{{L_HEADING}}</h2>
<p>{{L_INTRO}}</p>
<section aria-labelledby="letter-filed">
<h3 id="letter-filed">{{L_FILED_HEADING}}</h3>
{{#COMPLAINT}}
<div class="filed">
<p><strong>{{OFFICE_NAME}}</strong></p>
<p>{{L_REFERENCE}} <strong class="reference" dir="ltr">{{REFERENCE}}</strong></p>
{{#NEXT_STEP}}<p>{{L_NEXT}} {{NEXT_TEXT}} <time datetime="{{NEXT_DATE}}">{{NEXT_DUE}}</time></p>{{/NEXT_STEP}}
</div>
{{/COMPLAINT}}
</section>
<section class="receipt-box" aria-labelledby="letter-receipt">
<h3 id="letter-receipt">{{L_RECEIPT_HEADING}}</h3>
<p class="receipt" dir="ltr">{{#RECEIPT_GROUP}}<span class="receipt-group">{{GROUP}}</span>{{#RECEIPT_GROUP_separator}}-{{/RECEIPT_GROUP_separator}}{{/RECEIPT_GROUP}}</p>
<p class="warning"><strong>{{L_RECEIPT_KEEP}}</strong></p>
<p>{{L_RECEIPT_USE}}</p>
</section>
<p>{{L_STATUS}}</p>
<p>{{L_WHAT_NEXT}}</p>
<section class="proof" aria-labelledby="letter-proof">
<h3 id="letter-proof">{{L_PROOF_HEADING}}</h3>
<p>{{L_PROOF_INTRO}}</p>
<pre class="proof-text" dir="ltr">{{PROOF:pre_escape}}</pre>
<p>{{L_VERIFY}}</p>
</section>
</article>
{{>FOOT}}
