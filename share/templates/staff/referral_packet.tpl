{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<article class="packet">
<h1>{{TITLE}} <span dir="ltr">{{REFERENCE}}</span></h1>
{{#PRINT}}<p class="no-print">{{staff_packet_print_hint}} <a href="/staff/complaints/{{REFERENCE}}">{{staff_packet_back}}</a></p>{{/PRINT}}
<dl class="packet-facts">
<dt>{{staff_packet_reference}}</dt><dd dir="ltr">{{REFERENCE}}</dd>
<dt>{{staff_packet_other_reference}}</dt><dd><span dir="ltr">{{OTHER_REFERENCE}}</span>{{#NO_OTHER_REFERENCE}}{{staff_complaint_not_given}}{{/NO_OTHER_REFERENCE}}</dd>
<dt>{{staff_packet_from}}</dt><dd>{{FROM_OFFICE}}</dd>
<dt>{{staff_packet_to}}</dt><dd>{{TO_OFFICE}}</dd>
<dt>{{staff_packet_referred_at}}</dt><dd dir="ltr">{{REFERRED_AT}}</dd>
<dt>{{staff_packet_referred_by}}</dt><dd dir="ltr">{{REFERRED_BY}}</dd>
<dt>{{staff_packet_reason}}</dt><dd class="typed">{{REASON}}</dd>
<dt>{{staff_complaint_received}}</dt><dd dir="ltr">{{RECEIVED_AT}}</dd>
<dt>{{staff_complaint_incident_date}}</dt><dd><span dir="ltr">{{INCIDENT_DATE}}</span>{{#NO_INCIDENT_DATE}}{{staff_complaint_not_given}}{{/NO_INCIDENT_DATE}}</dd>
<dt>{{staff_packet_categories}}</dt><dd>{{#CATEGORY}}{{LABEL}}{{#CATEGORY_separator}}, {{/CATEGORY_separator}}{{/CATEGORY}}{{#NO_CATEGORY}}{{staff_complaint_none}}{{/NO_CATEGORY}}</dd>
</dl>
<h2>{{staff_packet_complainant}}</h2>
<p class="packet-identity">{{IDENTITY}}</p>
{{#COMPLAINANT}}<dl class="account">
{{#LINE}}<dt>{{LABEL}}</dt><dd class="typed">{{TEXT}}</dd>
{{/LINE}}</dl>{{/COMPLAINANT}}
<h2>{{staff_complaint_account}}</h2>
{{#ACCOUNT_UNREADABLE}}<p class="notice">{{staff_complaint_account_unreadable}}</p>{{/ACCOUNT_UNREADABLE}}
<dl class="account">
{{#ACCOUNT_LINE}}<dt>{{LABEL}}</dt><dd class="typed">{{TEXT}}</dd>
{{/ACCOUNT_LINE}}</dl>
<h2>{{staff_packet_subjects}}</h2>
{{#NO_SUBJECT}}<p>{{staff_complaint_none}}</p>{{/NO_SUBJECT}}
{{#SUBJECT}}<dl class="subject">
{{#FIELD}}<dt>{{LABEL}}</dt><dd class="typed">{{TEXT}}</dd>
{{/FIELD}}</dl>
{{/SUBJECT}}
<h2>{{staff_packet_witnesses}}</h2>
<p>{{staff_packet_witness_count}} {{WITNESS_COUNT}}. {{staff_packet_witnesses_note}}</p>
{{#WITNESSES_UNREADABLE}}<p class="notice">{{staff_packet_witnesses_unreadable}}</p>{{/WITNESSES_UNREADABLE}}
{{#NO_WITNESS}}<p>{{staff_packet_no_witness_account}}</p>{{/NO_WITNESS}}
<ol class="witnesses">
{{#WITNESS}}<li class="typed">{{TEXT}}</li>
{{/WITNESS}}</ol>
<h2>{{staff_complaint_timeline}}</h2>
<table class="timeline">
<thead><tr><th scope="col">{{staff_complaint_when_recorded}}</th><th scope="col">{{staff_complaint_status}}</th><th scope="col">{{staff_complaint_actor}}</th><th scope="col">{{staff_complaint_note}}</th></tr></thead>
<tbody>
{{#EVENT}}<tr><td dir="ltr">{{AT}}</td><td>{{STATUS}}</td><td dir="ltr">{{ACTOR}}</td><td class="typed">{{NOTE}}</td></tr>
{{/EVENT}}</tbody>
</table>
</article>
{{>FOOT}}
