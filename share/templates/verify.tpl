{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{verify_heading}}</h1>
<p class="lead">{{verify_intro}}</p>
{{#VERDICT}}
<section class="verdict{{#GENUINE}} genuine{{/GENUINE}}" role="status" aria-labelledby="verdict-heading">
<h2 id="verdict-heading">{{VERDICT_TEXT}}</h2>
{{#DETAILS}}
<dl class="summary">
<dt>{{verify_received}}</dt><dd><time datetime="{{RECEIVED_AT}}">{{RECEIVED_AT}}</time></dd>
<dt>{{verify_references}}</dt><dd>{{#REFERENCE}}<span class="reference">{{REF}}</span> {{/REFERENCE}}</dd>
<dt>{{verify_digest}}</dt><dd class="monospace digest">{{DIGEST}}</dd>
<dt>{{verify_key}}</dt><dd class="monospace">{{KEY}}</dd>
</dl>
{{/DETAILS}}
</section>
{{/VERDICT}}
<form method="post" action="/verify" class="verify-form" novalidate>
<input type="hidden" name="lang" value="{{LANG}}">
<div class="field">
<label for="f-confirmation">{{verify_label}}</label>
<p class="hint" id="f-confirmation-hint">{{verify_hint}}</p>
<textarea id="f-confirmation" name="confirmation" rows="10" class="monospace" spellcheck="false" aria-describedby="f-confirmation-hint">{{PASTED:pre_escape}}</textarea>
</div>
<div class="actions">
<button type="submit">{{verify_submit}}</button>
</div>
</form>
<section aria-labelledby="keys-heading">
<h2 id="keys-heading">{{verify_keys_heading}}</h2>
<p>{{verify_keys_intro}}</p>
<ul class="signing-keys">
{{#SIGNING_KEY}}<li><span class="monospace">{{KEY_ID}}</span> Ed25519 <span class="monospace public-key">{{PUBLIC_KEY}}</span>{{#CURRENT_KEY}} ({{verify_current_key}}){{/CURRENT_KEY}}</li>
{{/SIGNING_KEY}}
</ul>
</section>
{{>FOOT}}
