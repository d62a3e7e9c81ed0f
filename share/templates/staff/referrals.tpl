{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}: {{OFFICE_NAME}}</h1>
<form method="get" action="/staff/referrals" class="filters">
<p><label for="office">{{staff_queue_office}}</label><br>
<select id="office" name="office">
{{#OFFICE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OFFICE_OPTION}}</select></p>
<p><button type="submit">{{staff_queue_show}}</button></p>
</form>
<p>{{staff_referrals_explanation}}</p>
{{#EMPTY}}<p>{{staff_referrals_empty}}</p>{{/EMPTY}}
{{#LIST}}<table class="queue referrals">
<thead><tr><th scope="col">{{staff_queue_reference}}</th><th scope="col">{{staff_referral_from}}</th><th scope="col">{{staff_referral_sent}}</th><th scope="col">{{staff_queue_received}}</th><th scope="col">{{staff_queue_priority}}</th><th scope="col">{{staff_referral_reason}}</th></tr></thead>
<tbody>
{{/LIST}}{{#ITEM}}<tr><td><a href="/staff/complaints/{{REFERENCE}}#referral" dir="ltr">{{REFERENCE}}</a></td><td>{{FROM_NAME}}</td><td dir="ltr">{{SENT}}</td><td dir="ltr">{{RECEIVED}}</td><td>{{PRIORITY}}</td><td class="typed">{{REFERRAL_REASON}}</td></tr>
{{/ITEM}}{{#LIST}}</tbody>
</table>{{/LIST}}
{{#MORE}}<p>{{staff_referrals_more}}</p>{{/MORE}}
<p><a href="/staff/queue?office={{OFFICE_ID}}">{{staff_referrals_back}}</a> · <a href="/staff/">{{staff_problem_home}}</a></p>
{{>FOOT}}
