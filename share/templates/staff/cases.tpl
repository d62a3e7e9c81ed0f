{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}}</h1>
<p>{{staff_cases_explanation}}</p>
{{#EMPTY}}<p>{{staff_cases_empty}}</p>{{/EMPTY}}
{{#LIST}}<table class="queue cases">
<thead><tr><th scope="col">{{staff_case_number}}</th><th scope="col">{{staff_queue_reference}}</th><th scope="col">{{staff_case_office}}</th><th scope="col">{{staff_case_opened}}</th><th scope="col">{{staff_case_state}}</th></tr></thead>
<tbody>
{{/LIST}}{{#ITEM}}<tr><td><a href="/staff/cases/{{CASE_ID}}">{{CASE_ID}}</a></td><td dir="ltr">{{REFERENCE}}</td><td>{{OFFICE_NAME}}</td><td dir="ltr">{{OPENED}}</td><td>{{STATE}}</td></tr>
{{/ITEM}}{{#LIST}}</tbody>
</table>{{/LIST}}
<p><a href="/staff/">{{staff_problem_home}}</a></p>
{{>FOOT}}
