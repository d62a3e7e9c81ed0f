{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{form_heading}}</h1>
<p class="lead">{{form_intro}}</p>
<p class="hint">{{form_required_note}}</p>
{{#HAS_NOTICE}}<div class="notice" role="alert"><p>{{NOTICE}}</p></div>{{/HAS_NOTICE}}
{{#ERROR_SUMMARY}}
<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">{{form_errors_title}}</h2>
<ul>
{{#SUMMARY_ITEM}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>
{{/SUMMARY_ITEM}}
</ul>
</div>
{{/ERROR_SUMMARY}}
<form method="post" action="/complaint" class="complaint-form" novalidate>
<input type="hidden" name="lang" value="{{LANG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<button type="submit" name="action" value="review" class="default-action" tabindex="-1" aria-hidden="true">{{form_review}}</button>
{{#GROUP}}
<fieldset class="group" id="{{GROUP_ID}}">
<legend>{{LEGEND}}</legend>
{{#HAS_INTRO}}<p class="hint">{{INTRO}}</p>{{/HAS_INTRO}}
{{#HAS_GROUP_ERROR}}<p class="error-message">{{GROUP_ERROR}}</p>{{/HAS_GROUP_ERROR}}
{{#BLOCK}}
<div class="block">
{{#HAS_BLOCK_TITLE}}<h3>{{BLOCK_TITLE}}</h3>{{/HAS_BLOCK_TITLE}}
{{#FIELD}}
<div class="field{{#HAS_ERROR}} field-error{{/HAS_ERROR}}">
{{#INPUT}}
<label for="{{ID}}">{{LABEL}}</label>
{{#HAS_HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HAS_HINT}}
{{#HAS_ERROR}}<p class="error-message" id="{{ID}}-error">{{ERROR}}</p>{{/HAS_ERROR}}
<input type="{{TYPE}}" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
{{/INPUT}}
{{#TEXTAREA}}
<label for="{{ID}}">{{LABEL}}</label>
{{#HAS_HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HAS_HINT}}
{{#HAS_ERROR}}<p class="error-message" id="{{ID}}-error">{{ERROR}}</p>{{/HAS_ERROR}}
<textarea id="{{ID}}" name="{{NAME}}" rows="{{ROWS}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{VALUE:pre_escape}}</textarea>
{{/TEXTAREA}}
{{#CHECKBOX}}
{{#HAS_ERROR}}<p class="error-message" id="{{ID}}-error">{{ERROR}}</p>{{/HAS_ERROR}}
<div class="choice">
<input type="checkbox" id="{{ID}}" name="{{NAME}}" value="yes"{{#CHECKBOX_CHECKED}} checked{{/CHECKBOX_CHECKED}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
<label for="{{ID}}">{{LABEL}}</label>
</div>
{{#HAS_HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HAS_HINT}}
{{/CHECKBOX}}
{{#CHOICES}}
<fieldset class="choices" id="{{ID}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
<legend>{{LABEL}}</legend>
{{#HAS_HINT}}<p class="hint" id="{{ID}}-hint">{{HINT}}</p>{{/HAS_HINT}}
{{#HAS_ERROR}}<p class="error-message" id="{{ID}}-error">{{ERROR}}</p>{{/HAS_ERROR}}
{{#CHOICE}}
<div class="choice">
<input type="{{TYPE}}" id="{{CHOICE_ID}}" name="{{NAME}}" value="{{CHOICE_VALUE}}"{{#CHOICE_CHECKED}} checked{{/CHOICE_CHECKED}}>
<label for="{{CHOICE_ID}}">{{CHOICE_LABEL}}</label>
{{#HAS_CHOICE_HINT}}<p class="hint">{{CHOICE_HINT}}</p>{{/HAS_CHOICE_HINT}}
</div>
{{/CHOICE}}
</fieldset>
{{/CHOICES}}
</div>
{{/FIELD}}
</div>
{{/BLOCK}}
{{#ADD_BUTTON}}<button type="submit" name="action" value="{{ACTION}}" class="secondary">{{ADD_LABEL}}</button>{{/ADD_BUTTON}}
</fieldset>
{{/GROUP}}
<div class="actions">
<button type="submit" name="action" value="review">{{form_review}}</button>
</div>
</form>
{{>FOOT}}
