{{%AUTOESCAPE context="HTML"}}
{{>HEAD}}
<h1>{{TITLE}} <span dir="ltr">{{REFERENCE}}</span></h1>
<p>{{staff_evidence_explanation}}</p>
{{#EMPTY}}<p>{{staff_evidence_empty}}</p>{{/EMPTY}}
{{#LIST}}<table class="queue evidence">
<thead><tr><th scope="col">{{staff_evidence_name}}</th><th scope="col">{{staff_evidence_type}}</th><th scope="col">{{staff_evidence_size}}</th><th scope="col">{{staff_evidence_received}}</th><th scope="col">{{staff_evidence_source}}</th><th scope="col">{{staff_evidence_sha256}}</th><th scope="col">{{staff_evidence_download}}</th></tr></thead>
<tbody>
{{/LIST}}{{#FILE}}<tr><td dir="auto">{{NAME}}</td><td dir="ltr">{{TYPE}}</td><td dir="ltr">{{SIZE}}</td><td dir="ltr">{{ADDED_AT}}</td><td>{{SOURCE}}</td><td><code class="digest" dir="ltr">{{SHA256}}</code></td><td><a href="/staff/complaints/{{REFERENCE}}/evidence/{{ID}}" download>{{staff_evidence_original}}</a>{{#CLEANABLE}}<br><a href="/staff/complaints/{{REFERENCE}}/evidence/{{ID}}/without-metadata" download>{{staff_evidence_without_metadata}}</a>{{/CLEANABLE}}</td></tr>
{{/FILE}}{{#LIST}}</tbody>
</table>{{/LIST}}
<p class="hint">{{staff_evidence_hint}}</p>
<p><a href="/staff/complaints/{{REFERENCE}}">{{staff_evidence_back}}</a></p>
{{>FOOT}}
