{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}: {{OFFICE_NAME}}</h1>
<form method="get" action="/staff/overdue" class="filters">
<p><label for="office">{{staff_queue_office}}</label><br>
<select id="office" name="office">
{{#OFFICE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OFFICE_OPTION}}</select></p>
<p><button type="submit">{{staff_queue_show}}</button></p>
</form>
<p>{{staff_overdue_explanation}} <span dir="ltr">{{TODAY}}</span></p>
{{#EMPTY}}<p>{{staff_overdue_empty}}</p>{{/EMPTY}}
{{#LIST}}<table class="queue overdue">
<thead><tr><th scope="col">{{staff_queue_reference}}</th><th scope="col">{{staff_overdue_clock}}</th><th scope="col">{{staff_overdue_due}}</th><th scope="col">{{staff_overdue_days_late}}</th><th scope="col">{{staff_queue_priority}}</th><th scope="col">{{staff_queue_status}}</th><th scope="col">{{staff_overdue_investigator}}</th></tr></thead>
<tbody>
{{/LIST}}{{#ITEM}}<tr><td><a href="/staff/complaints/{{REFERENCE}}" dir="ltr">{{REFERENCE}}</a></td><td>{{CLOCK}}</td><td dir="ltr">{{DUE}}</td><td>{{DAYS_LATE}}</td><td>{{PRIORITY}}</td><td>{{STATUS}}</td><td>{{INVESTIGATOR}}{{#UNASSIGNED}}{{staff_overdue_unassigned}}{{/UNASSIGNED}}</td></tr>
{{/ITEM}}{{#LIST}}</tbody>
</table>{{/LIST}}
<p>{{#FIRST}}<a href="{{FIRST_URL}}">{{staff_queue_first_page}}</a> {{/FIRST}}{{#NEXT}}<a href="{{NEXT_URL}}" rel="next">{{staff_queue_next_page}}</a>{{/NEXT}}</p>
<p><a href="/staff/queue?office={{OFFICE_ID}}">{{staff_referrals_back}}</a> · <a href="/staff/">{{staff_problem_home}}</a></p>
{{>FOOT}}
