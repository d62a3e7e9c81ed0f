{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}} {{CASE_ID}}</h1>
<dl class="complaint-facts">
<dt>{{staff_case_office}}</dt><dd>{{OFFICE_NAME}} (<span dir="ltr">{{OFFICE_ID}}</span>)</dd>
<dt>{{staff_case_state}}</dt><dd>{{STATE}}</dd>
<dt>{{staff_case_opened}}</dt><dd dir="ltr">{{OPENED}}</dd>
<dt>{{staff_case_priority}}</dt><dd>{{PRIORITY}}</dd>
<dt>{{staff_case_investigator}}</dt><dd>{{#ASSIGNED}}<span dir="ltr">{{INVESTIGATOR}}</span>{{/ASSIGNED}}{{#NOT_ASSIGNED}}{{staff_case_not_assigned}}{{/NOT_ASSIGNED}}</dd>
</dl>
<h2>{{staff_case_complaints}}</h2>
<table class="queue">
<thead><tr><th scope="col">{{staff_queue_reference}}</th><th scope="col">{{staff_queue_status}}</th><th scope="col">{{staff_case_allegations}}</th></tr></thead>
<tbody>
{{#COMPLAINT}}<tr><td><a href="/staff/complaints/{{REFERENCE}}" dir="ltr">{{REFERENCE}}</a></td><td>{{STATUS}}</td><td>{{ALLEGATIONS}}</td></tr>
{{/COMPLAINT}}</tbody>
</table>
{{#ASSIGN_FORM}}<h2 id="assignment">{{staff_case_assign_heading}}</h2>
{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_case_refused}}</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/REFUSED}}
{{#NO_INVESTIGATORS}}<p>{{staff_case_no_investigators}}</p>{{/NO_INVESTIGATORS}}
<form method="post" action="/staff/cases/{{CASE_ID}}/assignment">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="investigator">{{staff_case_investigator}}</label><br>
<select id="investigator" name="investigator">
<option value="">{{staff_triage_choose}}</option>
{{#INVESTIGATOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/INVESTIGATOR_OPTION}}</select></p>
<p><button type="submit">{{staff_case_assign}}</button></p>
</form>
{{/ASSIGN_FORM}}
<h2 id="note">{{staff_case_notes}}</h2>
<p class="hint">{{staff_case_notes_explanation}}</p>
{{#NO_NOTES}}<p>{{staff_case_no_notes}}</p>{{/NO_NOTES}}
<ol class="notes">
{{#NOTE}}<li><p class="meta"><span dir="ltr">{{AT}}</span> · <span dir="ltr">{{AUTHOR}}</span></p><p class="typed">{{TEXT}}</p></li>
{{/NOTE}}</ol>
{{#NOTE_FORM}}{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_case_refused}}</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/REFUSED}}
<form method="post" action="/staff/cases/{{CASE_ID}}/notes">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="note_text">{{staff_case_add_note}}</label><br>
<textarea id="note_text" name="text" rows="4" maxlength="{{NOTE_MAX}}" required>{{TEXT_VALUE}}</textarea></p>
<p><button type="submit">{{staff_case_save_note}}</button></p>
</form>
{{/NOTE_FORM}}
<h2 id="task">{{staff_case_tasks}}</h2>
{{#NO_TASKS}}<p>{{staff_case_no_tasks}}</p>{{/NO_TASKS}}
<ul class="tasks">
{{#TASK}}<li{{#LATE}} class="late"{{/LATE}}><span class="typed">{{TITLE}}</span> · {{staff_case_task_due}} <span dir="ltr">{{DUE}}</span>{{#LATE}} <strong>{{staff_case_task_late}}</strong>{{/LATE}}{{#DONE}} · {{staff_case_task_done}} <span dir="ltr">{{DONE_AT}} · {{DONE_BY}}</span>{{/DONE}}
{{#DONE_FORM}}<form method="post" action="/staff/cases/{{CASE_ID}}/tasks/{{TASK_ID}}/done" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">{{staff_case_mark_done}}</button></form>{{/DONE_FORM}}</li>
{{/TASK}}</ul>
{{#TASK_FORM}}{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_case_refused}}</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/REFUSED}}
<form method="post" action="/staff/cases/{{CASE_ID}}/tasks">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="task_title">{{staff_case_task_title}}</label><br>
<input type="text" id="task_title" name="title" value="{{TITLE_VALUE}}" maxlength="{{TASK_MAX}}" required></p>
<p><label for="task_due">{{staff_case_task_due}}</label><br>
<input type="date" id="task_due" name="due" value="{{DUE_VALUE}}" dir="ltr" required></p>
<p><button type="submit">{{staff_case_add_task}}</button></p>
</form>
{{/TASK_FORM}}
<h2 id="findings">{{staff_case_findings}}</h2>
{{#NO_FINDINGS}}<p>{{staff_case_no_findings}}</p>{{/NO_FINDINGS}}
<dl class="findings">
{{#FINDING}}<dt>{{ALLEGATION}}</dt><dd>{{FINDING}}</dd>
{{/FINDING}}</dl>
{{#FINDINGS_FORM}}{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_case_refused}}</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/REFUSED}}
{{#NO_ALLEGATIONS}}<p>{{staff_case_no_allegations}}</p>{{/NO_ALLEGATIONS}}
<form method="post" action="/staff/cases/{{CASE_ID}}/findings">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#ALLEGATION}}<p><input type="hidden" name="allegation" value="{{VALUE}}"><label for="finding_{{INDEX}}">{{LABEL}}</label><br>
<select id="finding_{{INDEX}}" name="finding">
<option value="">{{staff_triage_choose}}</option>
{{#FINDING_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/FINDING_OPTION}}</select></p>
{{/ALLEGATION}}<p class="hint">{{staff_case_findings_hint}}</p>
<p><button type="submit">{{staff_case_record_findings}}</button></p>
</form>
{{/FINDINGS_FORM}}
<h2 id="closure">{{staff_case_closure}}</h2>
{{#CLOSURE}}<dl class="closure">
<dt>{{staff_case_closed_at}}</dt><dd dir="ltr">{{AT}} · {{AUTHOR}}</dd>
<dt>{{staff_case_closure_text}}</dt><dd class="typed">{{TEXT}}</dd>
<dt>{{staff_case_remedy}}</dt><dd class="typed">{{#HAS_REMEDY}}{{REMEDY}}{{/HAS_REMEDY}}{{#NO_REMEDY}}{{staff_case_no_remedy}}{{/NO_REMEDY}}</dd>
<dt>{{staff_case_reconsideration}}</dt><dd>{{#RECONSIDERATION}}<span dir="ltr">{{RECONSIDER_UNTIL}}</span>{{/RECONSIDERATION}}{{#NO_RECONSIDERATION}}{{staff_case_no_reconsideration}}{{/NO_RECONSIDERATION}}</dd>
</dl>{{/CLOSURE}}
{{#CLOSURE_FORM}}{{#REFUSED}}<div class="error-summary" role="alert"><p>{{staff_case_refused}}</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/REFUSED}}
<form method="post" action="/staff/cases/{{CASE_ID}}/closure">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="closure_text">{{staff_case_closure_text}}</label><br>
<span class="hint">{{staff_case_closure_hint}}</span><br>
<textarea id="closure_text" name="text" rows="6" maxlength="{{CLOSURE_MAX}}" required>{{TEXT_VALUE}}</textarea></p>
<p><label for="closure_remedy">{{staff_case_remedy}}</label><br>
<span class="hint">{{staff_case_remedy_hint}}</span><br>
<textarea id="closure_remedy" name="remedy" rows="3" maxlength="{{REMEDY_MAX}}">{{REMEDY_VALUE}}</textarea></p>
<p><button type="submit">{{staff_case_close}}</button></p>
</form>
{{/CLOSURE_FORM}}
<p><a href="/staff/cases">{{staff_cases_link}}</a> · <a href="/staff/queue?office={{OFFICE_ID}}">{{staff_complaint_back}}</a></p>
{{>FOOT}}
