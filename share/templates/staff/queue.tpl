{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}: {{OFFICE_NAME}}</h1>
<form method="get" action="/staff/queue" class="filters">
<p><label for="office">{{staff_queue_office}}</label><br>
<select id="office" name="office">
{{#OFFICE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OFFICE_OPTION}}</select></p>
<p><label for="queue">{{staff_queue_queue}}</label><br>
<select id="queue" name="queue">
{{#QUEUE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/QUEUE_OPTION}}</select></p>
<p><label for="priority">{{staff_queue_priority}}</label><br>
<select id="priority" name="priority">
<option value="">{{staff_queue_any}}</option>
{{#PRIORITY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRIORITY_OPTION}}</select></p>
<p><label for="channel">{{staff_queue_channel}}</label><br>
<select id="channel" name="channel">
<option value="">{{staff_queue_any}}</option>
{{#CHANNEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CHANNEL_OPTION}}</select></p>
<p><label for="category">{{staff_queue_category}}</label><br>
<select id="category" name="category">
<option value="">{{staff_queue_any}}</option>
{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}</select></p>
<p><input type="checkbox" id="overdue" name="overdue" value="1"{{#OVERDUE_ONLY}} checked{{/OVERDUE_ONLY}}> <label for="overdue">{{staff_queue_overdue_only}}</label></p>
<p><button type="submit">{{staff_queue_show}}</button></p>
</form>
<p><a href="/staff/referrals?office={{OFFICE_ID}}">{{staff_referrals_link}}</a>{{#OVERDUE_LINK}} · <a href="/staff/overdue?office={{OFFICE_ID}}">{{staff_overdue_link}}</a>{{/OVERDUE_LINK}}</p>
<h2>{{QUEUE_NAME}}</h2>
{{#EMPTY}}<p>{{staff_queue_empty}}</p>{{/EMPTY}}
{{#LIST}}<table class="queue">
<thead><tr><th scope="col">{{staff_queue_reference}}</th><th scope="col">{{staff_queue_received}}</th><th scope="col">{{staff_queue_channel}}</th><th scope="col">{{staff_queue_priority}}</th><th scope="col">{{staff_queue_status}}</th><th scope="col">{{staff_queue_due}}</th></tr></thead>
<tbody>
{{/LIST}}{{#ITEM}}<tr><td><a href="/staff/complaints/{{REFERENCE}}" dir="ltr">{{REFERENCE}}</a></td><td dir="ltr">{{RECEIVED}}</td><td>{{CHANNEL}}</td><td>{{PRIORITY}}</td><td>{{STATUS}}</td><td dir="ltr">{{DUE}}{{#LATE}} <strong>{{staff_queue_late}}</strong>{{/LATE}}</td></tr>
{{/ITEM}}{{#LIST}}</tbody>
</table>{{/LIST}}
<p>{{#FIRST}}<a href="{{FIRST_URL}}">{{staff_queue_first_page}}</a> {{/FIRST}}{{#NEXT}}<a href="{{NEXT_URL}}" rel="next">{{staff_queue_next_page}}</a>{{/NEXT}}</p>
<p><a href="/staff/">{{staff_problem_home}}</a></p>
{{>FOOT}}
