{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{landing_heading}}</h1>
<p class="lead">{{landing_intro}}</p>
<div class="actions">
<a class="button" href="/complaint?lang={{LANG}}">{{landing_file}}</a>
<a class="button secondary" href="/status?lang={{LANG}}">{{landing_check}}</a>
</div>
<section aria-labelledby="promises">
<h2 id="promises">{{landing_promises_heading}}</h2>
<ul class="promises">
<li>{{landing_promise_timelines}}</li>
<li>{{landing_promise_confidentiality}}</li>
<li>{{landing_promise_status}}</li>
<li>{{landing_promise_outcome}}</li>
</ul>
</section>
<section aria-labelledby="offices">
<h2 id="offices">{{landing_offices_heading}}</h2>
<p>{{landing_offices_intro}}</p>
{{#OFFICE}}
<article class="office" id="office-{{OFFICE_ID}}">
<h3>{{OFFICE_NAME}}</h3>
{{#EXTERNAL}}<p class="tag">{{landing_office_external}}</p>{{/EXTERNAL}}
<p>{{HANDLES}}</p>
<h4>{{landing_contact_heading}}</h4>
<ul class="contact">
{{#WEB_FILING}}<li><a href="/complaint?lang={{LANG}}">{{landing_contact_form}}</a></li>{{/WEB_FILING}}
{{#HAS_PHONE}}<li>{{landing_contact_phone}} <a href="tel:{{PHONE_DIGITS}}" dir="ltr">{{PHONE}}</a></li>{{/HAS_PHONE}}
{{#HAS_EMAIL}}<li>{{landing_contact_email}} <a href="mailto:{{EMAIL}}" dir="ltr">{{EMAIL}}</a></li>{{/HAS_EMAIL}}
{{#HAS_POSTAL}}<li>{{landing_contact_postal}} <span class="postal" dir="auto">{{POSTAL:pre_escape}}</span></li>{{/HAS_POSTAL}}
{{#HAS_WEB}}<li>{{landing_contact_web}} <a href="{{WEB}}" dir="ltr">{{WEB}}</a></li>{{/HAS_WEB}}
</ul>
<h4>{{landing_levels_heading}}</h4>
<ul class="levels">
{{#LEVEL}}<li>{{LEVEL_TEXT}}</li>
{{/LEVEL}}
</ul>
</article>
{{/OFFICE}}
</section>
<section aria-labelledby="proof-heading">
<h2 id="proof-heading">{{landing_proof_heading}}</h2>
<p>{{landing_proof_intro}} <a href="/verify?lang={{LANG}}">{{landing_proof_link}}</a></p>
<ul class="signing-keys">
{{#SIGNING_KEY}}{{#CURRENT_KEY}}<li><span class="monospace">{{KEY_ID}}</span> Ed25519 <span class="monospace public-key">{{PUBLIC_KEY}}</span></li>{{/CURRENT_KEY}}
{{/SIGNING_KEY}}
</ul>
</section>
{{>FOOT}}
