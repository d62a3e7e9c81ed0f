{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}} <span dir="ltr">{{REFERENCE}}</span></h1>
<dl class="complaint-facts">
<dt>{{staff_complaint_office}}</dt><dd>{{OFFICE_NAME}} (<span dir="ltr">{{OFFICE_ID}}</span>)</dd>
<dt>{{staff_complaint_status}}</dt><dd>{{STATUS}}</dd>
<dt>{{staff_complaint_priority}}</dt><dd>{{PRIORITY}}</dd>
<dt>{{staff_complaint_channel}}</dt><dd>{{CHANNEL}}</dd>
<dt>{{staff_complaint_received}}</dt><dd dir="ltr">{{RECEIVED}}</dd>
{{#STAFF_ENTRY}}<dt>{{staff_complaint_entered}}</dt><dd>{{ENTERED}}</dd>
{{/STAFF_ENTRY}}<dt>{{staff_complaint_language}}</dt><dd dir="ltr">{{LANGUAGE}}</dd>
<dt>{{staff_complaint_confidentiality}}</dt><dd>{{CONFIDENTIALITY}}{{#WHISTLEBLOWER}}; {{staff_complaint_whistleblower}}{{/WHISTLEBLOWER}}{{#ON_BEHALF}}; {{staff_complaint_on_behalf}}{{/ON_BEHALF}}</dd>
<dt>{{staff_complaint_incident_date}}</dt><dd><span dir="ltr">{{INCIDENT_DATE}}</span>{{#NO_INCIDENT_DATE}}{{staff_complaint_not_given}}{{/NO_INCIDENT_DATE}}{{#APPROXIMATE}} ({{staff_complaint_approximate}}){{/APPROXIMATE}}</dd>
<dt>{{staff_complaint_filed_categories}}</dt><dd>{{#FILED_CATEGORY}}{{LABEL}}{{#FILED_CATEGORY_separator}}, {{/FILED_CATEGORY_separator}}{{/FILED_CATEGORY}}{{#NO_FILED_CATEGORY}}{{staff_complaint_none}}{{/NO_FILED_CATEGORY}}</dd>
<dt>{{staff_complaint_staff_categories}}</dt><dd>{{#STAFF_CATEGORY}}{{LABEL}}{{#STAFF_CATEGORY_separator}}, {{/STAFF_CATEGORY_separator}}{{/STAFF_CATEGORY}}{{#NO_STAFF_CATEGORY}}{{staff_complaint_none}}{{/NO_STAFF_CATEGORY}}</dd>
<dt>{{staff_complaint_subjects}}</dt><dd>{{SUBJECT_COUNT}}</dd>
<dt>{{staff_complaint_witnesses}}</dt><dd>{{WITNESS_COUNT}}</dd>
{{#DUPLICATE_OF}}<dt>{{staff_complaint_duplicate_of}}</dt><dd><a href="/staff/complaints/{{DUPLICATE_REFERENCE}}" dir="ltr">{{DUPLICATE_REFERENCE}}</a></dd>
{{/DUPLICATE_OF}}</dl>
<p><a href="/staff/complaints/{{REFERENCE}}/evidence">{{staff_evidence_link}}</a></p>
<h2>{{staff_complaint_account}}</h2>
{{#ACCOUNT_UNREADABLE}}<div class="notice" role="alert"><p>{{staff_complaint_account_unreadable}}</p></div>{{/ACCOUNT_UNREADABLE}}
{{#ACCOUNT}}<dl class="account">
{{#TIME}}<dt>{{staff_complaint_time}}</dt><dd class="typed">{{TEXT}}</dd>
{{/TIME}}{{#WHEN}}<dt>{{staff_complaint_when}}</dt><dd class="typed">{{TEXT}}</dd>
{{/WHEN}}{{#PLACE}}<dt>{{staff_complaint_place}}</dt><dd class="typed">{{TEXT}}</dd>
{{/PLACE}}{{#CITY}}<dt>{{staff_complaint_city}}</dt><dd class="typed">{{TEXT}}</dd>
{{/CITY}}{{#REGION}}<dt>{{staff_complaint_region}}</dt><dd class="typed">{{TEXT}}</dd>
{{/REGION}}{{#NARRATIVE}}<dt>{{staff_complaint_narrative}}</dt><dd class="typed narrative">{{TEXT}}</dd>
{{/NARRATIVE}}{{#INJURIES}}<dt>{{staff_complaint_injuries}}</dt><dd class="typed">{{TEXT}}</dd>
{{/INJURIES}}</dl>
{{#SUBJECT}}<h3>{{staff_complaint_subject}}</h3>
<dl class="subject">
{{#FIELD}}<dt>{{LABEL}}</dt><dd class="typed">{{TEXT}}</dd>
{{/FIELD}}</dl>
{{/SUBJECT}}{{/ACCOUNT}}
<h2>{{staff_complaint_timeline}}</h2>
<table class="timeline">
<thead><tr><th scope="col">{{staff_complaint_when_recorded}}</th><th scope="col">{{staff_complaint_status}}</th><th scope="col">{{staff_complaint_actor}}</th><th scope="col">{{staff_complaint_note}}</th></tr></thead>
<tbody>
{{#EVENT}}<tr><td dir="ltr">{{AT}}</td><td>{{STATUS}}</td><td dir="ltr">{{ACTOR}}</td><td class="typed">{{NOTE}}</td></tr>
{{/EVENT}}</tbody>
</table>
{{#REFERRAL}}<h2 id="referral">{{staff_referral_heading}}</h2>
<dl class="referral">
<dt>{{staff_referral_from}}</dt><dd>{{FROM_NAME}}</dd>
<dt>{{staff_referral_to}}</dt><dd>{{TO_NAME}}</dd>
<dt>{{staff_referral_sent}}</dt><dd dir="ltr">{{SENT}}</dd>
<dt>{{staff_referral_reason}}</dt><dd class="typed">{{REFERRAL_REASON}}</dd>
<dt>{{staff_referral_state}}</dt><dd>{{STATE}}</dd>
{{#ANSWERED}}<dt>{{staff_referral_answered}}</dt><dd dir="ltr">{{ANSWERED_AT}}</dd>
{{#ANSWER_REASON}}<dt>{{staff_referral_answer_reason}}</dt><dd class="typed">{{TEXT}}</dd>
{{/ANSWER_REASON}}{{/ANSWERED}}</dl>
{{#ANSWER_FORM}}{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_referral_refused}}</p></div>{{/REFUSED}}
<form method="post" action="/staff/complaints/{{REFERENCE}}/referral">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="{{#ANSWER_ERROR}}field-error{{/ANSWER_ERROR}}"><legend>{{staff_referral_answer}}</legend>
{{#ANSWER_ERROR}}<p class="error-message">{{ANSWER_ERROR_TEXT}}</p>{{/ANSWER_ERROR}}
{{#ANSWER_OPTION}}<p><label><input type="radio" name="answer" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label></p>
{{/ANSWER_OPTION}}</fieldset>
<div class="field{{#REASON_ERROR}} field-error{{/REASON_ERROR}}"><p><label for="referral_reason">{{staff_referral_answer_reason}}</label><br>
<span class="hint">{{staff_referral_reason_hint}}</span><br>
{{#REASON_ERROR}}<span class="error-message">{{REASON_ERROR_TEXT}}</span><br>{{/REASON_ERROR}}
<textarea id="referral_reason" name="reason" rows="4" maxlength="{{REASON_MAX}}">{{REASON_VALUE}}</textarea></p></div>
<p><button type="submit">{{staff_referral_submit}}</button></p>
</form>
{{/ANSWER_FORM}}{{#PACKET}}<p class="packet-links">{{staff_packet_explanation}}
<a href="/staff/complaints/{{REFERENCE}}/referral-packet">{{staff_packet_print}}</a> ·
<a href="/staff/complaints/{{REFERENCE}}/referral-packet/download">{{staff_packet_download}}</a></p>
{{/PACKET}}{{/REFERRAL}}
{{#DUPLICATES}}<h2 id="duplicates">{{staff_duplicates_heading}}</h2>
<p class="hint">{{staff_duplicates_explanation}}</p>
{{#NO_DUPLICATES}}<p>{{staff_duplicates_none}}</p>{{/NO_DUPLICATES}}
<table class="duplicates">
<thead><tr><th scope="col">{{staff_duplicates_reference}}</th><th scope="col">{{staff_duplicates_why}}</th><th scope="col">{{staff_complaint_office}}</th><th scope="col">{{staff_complaint_incident_date}}</th><th scope="col">{{staff_complaint_status}}</th><th scope="col">{{staff_duplicates_case}}</th><th scope="col">{{staff_duplicates_actions}}</th></tr></thead>
<tbody>
{{#DUPLICATE}}<tr><td><a href="/staff/complaints/{{REFERENCE}}" dir="ltr">{{REFERENCE}}</a></td><td>{{WHY}}</td><td>{{OFFICE_NAME}}</td><td dir="ltr">{{INCIDENT_DATE}}</td><td>{{STATUS}}</td><td>{{IN_CASE}}</td><td>{{#CLOSE_AS_DUPLICATE}}<a href="{{CLOSE_URL}}">{{staff_duplicates_close}}</a>{{/CLOSE_AS_DUPLICATE}}{{#JOIN_CASE}}
<form method="post" action="/staff/complaints/{{REFERENCE}}/join" class="inline-form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="into" value="{{INTO}}">
<button type="submit">{{staff_duplicates_join}}</button></form>{{/JOIN_CASE}}</td></tr>
{{/DUPLICATE}}</tbody>
</table>
{{/DUPLICATES}}
<h2 id="clocks">{{staff_clock_heading}}</h2>
{{#NO_CLOCKS}}<p>{{staff_clock_none}}</p>{{/NO_CLOCKS}}
<table class="clocks">
<thead><tr><th scope="col">{{staff_clock_promise}}</th><th scope="col">{{staff_clock_state}}</th><th scope="col">{{staff_clock_due}}</th></tr></thead>
<tbody>
{{#CLOCK}}<tr class="clock-{{STATE_NAME}}"><td>{{KIND}}</td><td>{{STATE}}</td><td dir="ltr">{{DUE}}</td></tr>
{{/CLOCK}}</tbody>
</table>
{{#HOLD_FORM}}<form method="post" action="/staff/complaints/{{REFERENCE}}/clocks" class="clock-hold">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#PAUSED}}<p><strong>{{WAITING_TEXT}}</strong></p>
<input type="hidden" name="reason" value="none">
<p><button type="submit" class="secondary">{{staff_clocks_resume}}</button></p>{{/PAUSED}}
{{#RUNNING}}<p><label for="hold_reason">{{staff_clocks_pause_label}}</label><br>
<span class="hint">{{staff_clocks_pause_hint}}</span><br>
<select id="hold_reason" name="reason">
<option value="waiting_on_complainant">{{staff_clocks_waiting_on_complainant}}</option>
<option value="waiting_on_agency">{{staff_clocks_waiting_on_agency}}</option>
</select></p>
<p><button type="submit" class="secondary">{{staff_clocks_pause}}</button></p>{{/RUNNING}}
</form>{{/HOLD_FORM}}
{{#CASE}}<p class="case-link"><a href="/staff/cases/{{CASE_ID}}">{{staff_complaint_case}} {{CASE_ID}}</a></p>{{/CASE}}
{{#MESSAGES}}<h2 id="messages">{{staff_message_heading}}</h2>
<p class="hint">{{staff_message_explanation}}</p>
{{#NO_MESSAGES}}<p>{{staff_message_none}}</p>{{/NO_MESSAGES}}
<ol class="messages">
{{#MESSAGE}}<li><p class="meta"><span dir="ltr">{{AT}}</span> · {{KIND}} · <span dir="ltr">{{AUTHOR}}</span></p><p class="typed">{{TEXT}}</p></li>
{{/MESSAGE}}</ol>
{{#MESSAGE_FORM}}{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_message_refused}}</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/REFUSED}}
<form method="post" action="/staff/complaints/{{REFERENCE}}/messages">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><p><label for="message_text">{{staff_message_write}}</label><br>
<span class="hint">{{staff_message_hint}}</span><br>
<textarea id="message_text" name="text" rows="5" maxlength="{{MESSAGE_MAX}}" required>{{TEXT_VALUE}}</textarea></p></div>
<p><button type="submit">{{staff_message_send}}</button></p>
</form>
{{/MESSAGE_FORM}}{{/MESSAGES}}
{{#TRIAGE}}<h2 id="triage">{{staff_triage_heading}}</h2>
<h3>{{staff_proposal_heading}}</h3>
<p class="hint">{{staff_proposal_explanation}}</p>
<ul class="proposals">
{{#PROPOSAL}}<li{{#TAKEN}} class="taken"{{/TAKEN}}><p><strong>{{ACTION}} {{OFFICE_NAME}}</strong> · <a href="{{TAKE_URL}}">{{staff_proposal_take}}</a></p>
{{#DEFAULT_OFFICE}}<p>{{staff_proposal_default}}</p>{{/DEFAULT_OFFICE}}{{#BECAUSE}}<p class="because"><span dir="ltr">{{RULE}}</span>: {{EXPLANATION}}</p>
{{/BECAUSE}}</li>
{{/PROPOSAL}}</ul>
{{#PROPOSAL_TAKEN}}<div class="notice"><p>{{staff_proposal_taken}}</p></div>{{/PROPOSAL_TAKEN}}
{{#DUPLICATE_TAKEN}}<div class="notice"><p>{{staff_duplicates_taken}}</p></div>{{/DUPLICATE_TAKEN}}
{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_triage_refused}}</p></div>{{/REFUSED}}
<form method="post" action="/staff/complaints/{{REFERENCE}}/triage">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="{{#ACTION_ERROR}}field-error{{/ACTION_ERROR}}"><legend>{{staff_triage_action}}</legend>
{{#ACTION_ERROR}}<p class="error-message">{{ACTION_ERROR_TEXT}}</p>{{/ACTION_ERROR}}
{{#ACTION_OPTION}}<p><label><input type="radio" name="action" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label></p>
{{/ACTION_OPTION}}</fieldset>
<div class="field{{#PRIORITY_ERROR}} field-error{{/PRIORITY_ERROR}}"><p><label for="priority">{{staff_triage_priority}}</label><br>
{{#PRIORITY_ERROR}}<span class="error-message">{{PRIORITY_ERROR_TEXT}}</span><br>{{/PRIORITY_ERROR}}
<select id="priority" name="priority">
{{#PRIORITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRIORITY_OPTION}}</select></p></div>
<fieldset class="{{#CATEGORIES_ERROR}}field-error{{/CATEGORIES_ERROR}}"><legend>{{staff_triage_categories}}</legend>
{{#CATEGORIES_ERROR}}<p class="error-message">{{CATEGORIES_ERROR_TEXT}}</p>{{/CATEGORIES_ERROR}}
{{#CATEGORY_OPTION}}<p><label><input type="checkbox" name="category" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label></p>
{{/CATEGORY_OPTION}}</fieldset>
<fieldset><legend>{{staff_triage_refer_heading}}</legend>
<div class="field{{#TO_OFFICE_ERROR}} field-error{{/TO_OFFICE_ERROR}}"><p><label for="to_office">{{staff_triage_to_office}}</label><br>
{{#TO_OFFICE_ERROR}}<span class="error-message">{{TO_OFFICE_ERROR_TEXT}}</span><br>{{/TO_OFFICE_ERROR}}
<select id="to_office" name="to_office">
<option value="">{{staff_triage_choose}}</option>
{{#OFFICE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OFFICE_OPTION}}</select></p></div>
<div class="field{{#EXTERNAL_REFERENCE_ERROR}} field-error{{/EXTERNAL_REFERENCE_ERROR}}"><p><label for="external_reference">{{staff_triage_external_reference}}</label><br>
{{#EXTERNAL_REFERENCE_ERROR}}<span class="error-message">{{EXTERNAL_REFERENCE_ERROR_TEXT}}</span><br>{{/EXTERNAL_REFERENCE_ERROR}}
<input type="text" id="external_reference" name="external_reference" value="{{EXTERNAL_REFERENCE_VALUE}}" maxlength="100" dir="ltr"></p></div>
</fieldset>
<div class="field{{#CLOSE_REASON_ERROR}} field-error{{/CLOSE_REASON_ERROR}}"><p><label for="close_reason">{{staff_triage_close_reason}}</label><br>
{{#CLOSE_REASON_ERROR}}<span class="error-message">{{CLOSE_REASON_ERROR_TEXT}}</span><br>{{/CLOSE_REASON_ERROR}}
<select id="close_reason" name="close_reason">
<option value="">{{staff_triage_choose}}</option>
{{#CLOSE_REASON_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CLOSE_REASON_OPTION}}</select></p></div>
<div class="field{{#DUPLICATE_OF_ERROR}} field-error{{/DUPLICATE_OF_ERROR}}"><p><label for="duplicate_of">{{staff_triage_duplicate_of}}</label><br>
<span class="hint">{{staff_triage_duplicate_of_hint}}</span><br>
{{#DUPLICATE_OF_ERROR}}<span class="error-message">{{DUPLICATE_OF_ERROR_TEXT}}</span><br>{{/DUPLICATE_OF_ERROR}}
<input type="text" id="duplicate_of" name="duplicate_of" value="{{DUPLICATE_OF_VALUE}}" maxlength="40" dir="ltr"></p></div>
<div class="field{{#REASON_ERROR}} field-error{{/REASON_ERROR}}"><p><label for="reason">{{staff_triage_reason}}</label><br>
<span class="hint">{{staff_triage_reason_hint}}</span><br>
{{#REASON_ERROR}}<span class="error-message">{{REASON_ERROR_TEXT}}</span><br>{{/REASON_ERROR}}
<textarea id="reason" name="reason" rows="5" maxlength="{{REASON_MAX}}">{{REASON_VALUE}}</textarea></p></div>
<p><button type="submit">{{staff_triage_submit}}</button></p>
</form>
{{#JOIN}}<h3 id="join">{{staff_join_heading}}</h3>
{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_join_refused}}</p></div>{{/REFUSED}}
<form method="post" action="/staff/complaints/{{REFERENCE}}/join">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#INTO_ERROR}} field-error{{/INTO_ERROR}}"><p><label for="into">{{staff_join_into}}</label><br>
<span class="hint">{{staff_join_hint}}</span><br>
{{#INTO_ERROR}}<span class="error-message">{{INTO_ERROR_TEXT}}</span><br>{{/INTO_ERROR}}
<input type="text" id="into" name="into" value="{{INTO_VALUE}}" maxlength="40" dir="ltr"></p></div>
<p><button type="submit">{{staff_join_submit}}</button></p>
</form>
{{/JOIN}}{{/TRIAGE}}
{{#CONFIDENTIAL_ACTIONS}}<h2 id="confidentiality">{{staff_confidentiality_heading}}</h2>
{{#IDENTITY_LINK}}<p><a href="/staff/complaints/{{REFERENCE}}/identity">{{staff_confidentiality_identity_link}}</a> <span class="hint">{{staff_confidentiality_identity_hint}}</span></p>{{/IDENTITY_LINK}}
{{#NAME_FORM}}<form method="post" action="/staff/complaints/{{REFERENCE}}/named-staff">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="named_member">{{staff_confidentiality_name_label}}</label><br>
<span class="hint">{{staff_confidentiality_name_hint}}</span><br>
<input type="text" id="named_member" name="member" maxlength="64" dir="ltr" autocomplete="off" required></p>
<p><button type="submit" class="secondary">{{staff_confidentiality_name_submit}}</button></p>
</form>{{/NAME_FORM}}
<form method="post" action="/staff/complaints/{{REFERENCE}}/recusal">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="recusal_reason">{{staff_confidentiality_recuse_label}}</label><br>
<span class="hint">{{staff_confidentiality_recuse_hint}}</span><br>
<textarea id="recusal_reason" name="reason" rows="2" maxlength="{{REASON_MAX}}" required></textarea></p>
<p><button type="submit" class="secondary">{{staff_confidentiality_recuse_submit}}</button></p>
</form>
{{/CONFIDENTIAL_ACTIONS}}
<p><a href="/staff/queue?office={{OFFICE_ID}}">{{staff_complaint_back}}</a></p>
{{>FOOT}}
