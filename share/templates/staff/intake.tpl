{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{staff_intake_heading}}</h1>
<p class="lead">{{staff_intake_intro}}</p>
<p>{{staff_intake_office}} <strong>{{OFFICE_NAME}}</strong> (<span dir="ltr">{{OFFICE_ID}}</span>)</p>
{{#ERRORS_OPEN}}<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">{{staff_intake_errors_title}}</h2>
<ul>{{/ERRORS_OPEN}}
{{#ENTRY_ITEM}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>
{{/ENTRY_ITEM}}{{#ERROR_SUMMARY}}{{#SUMMARY_ITEM}}<li><a href="#{{TARGET}}">{{FIELD_LABEL}}: {{MESSAGE}}</a></li>
{{/SUMMARY_ITEM}}{{#MORE_ERRORS}}<li>{{MORE}}</li>{{/MORE_ERRORS}}{{/ERROR_SUMMARY}}
{{#ERRORS_CLOSE}}</ul>
</div>{{/ERRORS_CLOSE}}
<form method="post" action="/staff/intake?office={{OFFICE_ID}}" class="complaint-form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="entry.mark" value="{{MARK}}">
<button type="submit" name="action" value="enter" class="default-action" tabindex="-1" aria-hidden="true">{{staff_intake_enter}}</button>
<fieldset class="group" id="g-entry">
<legend>{{staff_intake_entry_legend}}</legend>
<div class="block">
<div class="field{{#CHANNEL_ERROR}} field-error{{/CHANNEL_ERROR}}">
<fieldset class="choices" id="f-entry-channel">
<legend>{{staff_intake_channel_label}}</legend>
{{#CHANNEL_ERROR}}<p class="error-message">{{CHANNEL_ERROR_TEXT}}</p>{{/CHANNEL_ERROR}}
{{#CHANNEL_OPTION}}<div class="choice">
<input type="radio" id="f-entry-channel-{{VALUE}}" name="entry.channel" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label for="f-entry-channel-{{VALUE}}">{{LABEL}}</label>
</div>
{{/CHANNEL_OPTION}}
</fieldset>
</div>
<div class="field{{#CONTACTED_DATE_ERROR}} field-error{{/CONTACTED_DATE_ERROR}}">
<label for="f-entry-contacted_date">{{staff_intake_contacted_date_label}}</label>
<p class="hint">{{staff_intake_contacted_date_hint}}</p>
{{#CONTACTED_DATE_ERROR}}<p class="error-message">{{CONTACTED_DATE_ERROR_TEXT}}</p>{{/CONTACTED_DATE_ERROR}}
<input type="text" id="f-entry-contacted_date" name="entry.contacted_date" value="{{CONTACTED_DATE_VALUE}}" autocomplete="off" dir="ltr">
</div>
<div class="field{{#CONTACTED_TIME_ERROR}} field-error{{/CONTACTED_TIME_ERROR}}">
<label for="f-entry-contacted_time">{{staff_intake_contacted_time_label}}</label>
<p class="hint">{{staff_intake_contacted_time_hint}}</p>
{{#CONTACTED_TIME_ERROR}}<p class="error-message">{{CONTACTED_TIME_ERROR_TEXT}}</p>{{/CONTACTED_TIME_ERROR}}
<input type="text" id="f-entry-contacted_time" name="entry.contacted_time" value="{{CONTACTED_TIME_VALUE}}" autocomplete="off" dir="ltr">
</div>
<div class="field{{#LANGUAGE_ERROR}} field-error{{/LANGUAGE_ERROR}}">
<label for="f-entry-language">{{staff_intake_language_label}}</label>
<p class="hint">{{staff_intake_language_hint}}</p>
{{#LANGUAGE_ERROR}}<p class="error-message">{{LANGUAGE_ERROR_TEXT}}</p>{{/LANGUAGE_ERROR}}
<select id="f-entry-language" name="entry.language">
{{#LANGUAGE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/LANGUAGE_OPTION}}</select>
</div>
</div>
</fieldset>
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
<button type="submit" name="action" value="enter">{{staff_intake_enter}}</button>
</div>
</form>
{{>FOOT}}
