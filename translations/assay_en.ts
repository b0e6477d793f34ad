<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ApprovalGate</name>
    <message>
        <source>Question %1 requires evidence and has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence &quot;%1&quot; is not downloaded: nobody has looked at it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence &quot;%1&quot; did not match its sha256 and is quarantined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence &quot;%1&quot; was refused by the sync (too large or malformed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Evidence &quot;%1&quot; has %n secrets finding(s) nobody has looked at.</source>
        <translation>
            <numerusform>Evidence &quot;%1&quot; has %n secrets finding nobody has looked at.</numerusform>
            <numerusform>Evidence &quot;%1&quot; has %n secrets findings nobody has looked at.</numerusform>
        </translation>
    </message>
    <message>
        <source>This submission is already decided (%1): it takes no further verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the assignee or a lead decides at the review stage, and nobody is assigned yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the assignee (%1) or a lead decides at the review stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the security team decides at the security stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You approved the review stage: someone else in the security team must decide (four eyes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a security user returns a submission, at the security stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To approve, every required checklist item must be ticked; %n not ticked: %1</source>
        <translation>
            <numerusform>To approve, every required checklist item must be ticked; %n not ticked: %1</numerusform>
            <numerusform>To approve, every required checklist item must be ticked; %n not ticked: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardStats</name>
    <message>
        <source>0–7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7–14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>14–30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30–60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>60+</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceType</name>
    <message>
        <source>shown as text, not rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown as hex, not rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown as hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MIME database (shared-mime-info) is missing, so the content cannot be identified: shown as hex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared as %1, but the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No media type was declared; the content is %1 (%2): %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared as %1, but the content is %2 (%3): %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the evidence file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerView</name>
    <message>
        <source>Only a reject carries reasons (%1 with %2 given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason %1: questionnaire %2 has no category %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason %1 is not one of category %2 in questionnaire %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner receives nothing: the submission goes back to the review stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner receives the Security Badge, valid for one year. Nothing else is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submission is rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary (internal):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary (internal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedView</name>
    <message>
        <source>My queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts and failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due for re-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until resubmission date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretsFinder</name>
    <message>
        <source>Cannot read the file to scan for secrets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Web Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password in a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password in a connection string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1, lines %2–%3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lines %1–%2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1, line %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stripe live key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS secret access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure account key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bearer token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlaPolicy</name>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting partner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay</name>
    <message>
        <source>starting the demo marketplace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo marketplace at %1; signed in as %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::AboutDialog</name>
    <message>
        <source>Qt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application framework: windows, SQL, network, SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LGPL-3.0 or GPL-2.0 (also offered under GPL-3.0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt WebEngine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing HTML evidence, without network access or scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LGPL-3.0 or GPL-2.0; the Chromium inside: BSD-3-Clause and others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing PDF evidence and scanning its text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LGPL-3.0 or GPL-2.0; the PDFium inside: BSD-3-Clause and others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead&apos;s board&apos;s charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPL-3.0-or-later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KDE Frameworks Syntax Highlighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighting source code evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIT; its syntax definitions: MIT, LGPL and others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtKeychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping access tokens in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BSD-2-Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt HTTP Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in assay-marketplace, the reference server, a separate program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPL-3.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Assay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assay&apos;s icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation of the reviewers of an app marketplace&apos;s Security Program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assay is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assay uses these libraries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::AnswerPane</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous answer heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous submission&apos;s answer with changes marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence linked to this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against the previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets and personal data the finder saw in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a question on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Evidence required.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner&apos;s answer (version %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This question was dropped from questionnaire %1; it is not asked any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous submission %1 is not in the cache yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No previous submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync fetches it; it shows here once cached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the app&apos;s first submission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous submission %1: new question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New question: questionnaire %1 of the previous submission did not ask it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous submission %1 (dropped question)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous submission %1: unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered there either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous submission %1: same text, other evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since the previous submission %1 (underlined: added, struck through: removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scanned for secrets yet (the sync scans a file once it is downloaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned: no secrets or personal data found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned: the finder stopped after %1 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned: open the item to see where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scanned: an image or binary file (the finder reads text, HTML and PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scanned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(previous submission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence linked to this answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::BalanceDialog</name>
    <message>
        <source>Balance the Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open work is as even as the movable submissions allow: nothing to move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln move(s) would even out the open work. Untick any you do not want; only the ticked ones are assigned.</source>
        <translation>
            <numerusform>%Ln move would even out the open work. Untick any you do not want; only the ticked ones are assigned.</numerusform>
            <numerusform>%Ln moves would even out the open work. Untick any you do not want; only the ticked ones are assigned.</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposed moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (rejected the previous submission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign the Ticked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::BoardCharts</name>
    <message>
        <source>Decisions per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions per week per reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time in each stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time in each stage, median and 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ageing of the open queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open submissions by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decisions in these weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Decisions in the last %Ln week(s): </source>
        <translation>
            <numerusform>Decisions in the last %Ln week: </numerusform>
            <numerusform>Decisions in the last %Ln weeks: </numerusform>
        </translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: median %2 days, 90th percentile %3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days since submitted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ChecklistModel</name>
    <message>
        <source>No checklist item at row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No category shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on version %1 — recheck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made on version %1 — recheck</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ChecklistPane</name>
    <message>
        <source>Looked at &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist of this category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the tick and note of this item on the current answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tick or note was made on an older version of the answers: confirm it still holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on the selected checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note on this item (internal)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note on the category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on the category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your free note on this category (internal)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist: %1 — %2/%3 required ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no submission is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on an item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::CommentsModel</name>
    <message>
        <source>Internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clarification request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, new since you last opened it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::CommentsPane</name>
    <message>
        <source>Add &amp;internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the &amp;partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clarification state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new since you last opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an internal note or a question to the partner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add as an internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to the partner as a clarification request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting partner: the last clarification request has no reply yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ConflictView</name>
    <message>
        <source>Verdict in conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verdict&apos;s basis against the server&apos;s state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verdict was based on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verdict, as recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why re-basing is not possible yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;base and record again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-base the verdict on the server&apos;s version and record it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records the same verdict against the new version, with a new idempotency key; the old entry is marked superseded. The sync sends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the verdict; the draft stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox entry is never sent; your draft stays for a new decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox entry %1 is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox entry %1 is not a verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox entry %1 holds no readable verdict: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the cache yet: sync to see them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 in the cache; no ticks to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged where you ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed since your ticks in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verdict on %1 was not accepted: the server had moved on (%2). Nothing is sent again unless you re-base it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verdict on %1 is %2, no longer in conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers and evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as you read them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Your verdict:&lt;/b&gt; %1 on version %2, recorded %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Summary:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a verdict in conflict is re-based.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The submission is already decided (%1): no verdict can follow. Discard yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is not in the cache; sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync first: the cache has version %1, the server is at version %2; re-basing now would meet the same conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not re-based: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded again against version %1: pending upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded: it will not be sent. Your draft stays.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::DemoMarketplace</name>
    <message>
        <source>assay-marketplace lists no demo user with the role “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>assay-marketplace did not say where it listens within %Ln second(s)</source>
        <translation>
            <numerusform>assay-marketplace did not say where it listens within %Ln second</numerusform>
            <numerusform>assay-marketplace did not say where it listens within %Ln seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assay-marketplace said “%1” where “listening on http://127.0.0.1:PORT” was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assay-marketplace wrote a line that is not “token USER ROLES TOKEN” after its listening line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assay-marketplace wrote a line of more than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended with exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assay-marketplace %1 before it was ready%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo marketplace %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo needs the reference server, assay-marketplace, beside assay, and there is none at %1: install the package assay-marketplace (sudo apt install assay-marketplace), or in a build folder build it (./dev build assay-marketplace)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::DemoSession</name>
    <message>
        <source>cannot make the demo&apos;s temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as the demo &amp;reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as the demo &amp;lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as the demo &amp;security user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to the demo marketplace&apos;s %1, with a profile of their own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no demo user “%1”: use reviewer, lead or security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo marketplace is not ready yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo marketplace has no user with the role “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo marketplace at %1; signed in as %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::EvidencePane</name>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in a &amp;window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the evidence in a window of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this evidence in a window of its own, as large as you like (Alt+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Assay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified (sha256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256 mismatch — quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused by the sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::EvidenceViewer</name>
    <message>
        <source>Show the bytes (hex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared and detected type, size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the source instead of the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the file&apos;s source as text: findings are in the source, and can be jumped to and redacted there (Alt+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the evidence is not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the file&apos;s bytes in hex; nothing is decoded or run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an evidence item to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The partner&apos;s name for the file; it is never used as a path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared: %1 · Detected: %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known until the file is here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared sha256: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not downloaded yet. The sync downloads evidence in the background and shows it here once its sha256 is verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantined: the downloaded bytes did not match the declared sha256. They are kept aside and never opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the sync: the file was over the size limit or not what the marketplace declared. It is not downloaded again until its content changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verified copy is missing from the evidence store; the next sync downloads it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty (0 bytes): there is nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256: computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256: the file cannot be read to check it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256 %1 (a local file: no declared checksum to compare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256 %1 — the local copy matches the declared checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256 %1 — does NOT match the declared %2: the local copy was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scanned for secrets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF pages are drawn as they are; the findings list says where each one is</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::EvidenceWebProfile</name>
    <message>
        <source>HTML evidence cannot be shown: the evidence scheme was not registered when the program started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML evidence cannot be shown: the web engine&apos;s network was not closed when the program started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML evidence cannot be shown: the program runs as root, where the web engine&apos;s sandbox cannot start. Run Assay as a normal user (or set QTWEBENGINE_DISABLE_SANDBOX=1 in a disposable container).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML evidence cannot be shown: the web engine gave a profile that keeps data on disk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::FindingsPanel</name>
    <message>
        <source>&amp;Redact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to rejection note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets and personal data found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click: show it in the evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redact the findings in the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw every finding as its kind instead of the secret (Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a reference to the finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies where and what, e.g. “line 212, AWS access key” — never the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a reference to the finding to the rejection note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds where and what to the note of the current question&apos;s category — never the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scanned for secrets yet: the sync scans evidence once it is downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning for secrets and personal data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secrets or personal data found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln possible secret(s) or personal data found.</source>
        <translation>
            <numerusform>%Ln possible secret or personal data found.</numerusform>
            <numerusform>%Ln possible secrets or personal data found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>assay::HexEvidenceView</name>
    <message>
        <source>Evidence bytes in hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s bytes: offset, 16 bytes in hex, and their printable ASCII.
Page Up / Page Down, Ctrl+Home / Ctrl+End to move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot map the file to show its bytes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::HistoryModel</name>
    <message>
        <source>%1: %2 (%3, not yet sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::HistoryPane</name>
    <message>
        <source>pending upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server said: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::HtmlEvidenceView</name>
    <message>
        <source>HTML evidence message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hovered link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links in evidence are never followed: use Copy Link Address in the context menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests and navigations the document attempted and the viewer refused: evidence never reaches the network, runs script or leaves the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The document did not finish loading in %Ln second(s); it is not shown.</source>
        <translation>
            <numerusform>The document did not finish loading in %Ln second; it is not shown.</numerusform>
            <numerusform>The document did not finish loading in %Ln seconds; it is not shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only HTML, XHTML and SVG are shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web engine stopped while showing this document; it is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be loaded; it is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Link Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link (not followed): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) blocked</source>
        <translation>
            <numerusform>%Ln request blocked</numerusform>
            <numerusform>%Ln requests blocked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>assay::ImageEvidenceView</name>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size, one image pixel per screen pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::LeadBoard</name>
    <message>
        <source>Unassigned submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected reviewer&apos;s submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead&apos;s board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the selected submissions to a reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unassign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected submissions back on the unassigned pile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest a &amp;Balance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose moves that even out the open work (of the selected submissions, or of all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh the Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewers — drop submissions on a reviewer to assign them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload and charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Board messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Unassigned: %Ln submission(s)</source>
        <translation>
            <numerusform>Unassigned: %Ln submission</numerusform>
            <numerusform>Unassigned: %Ln submissions</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a reviewer to see their submissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln open submission(s)</source>
        <translation>
            <numerusform>%1: %Ln open submission</numerusform>
            <numerusform>%1: %Ln open submissions</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the submissions to assign first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln assignment(s) to %1 waiting to be uploaded.</source>
        <translation>
            <numerusform>%Ln assignment to %1 waiting to be uploaded.</numerusform>
            <numerusform>%Ln assignments to %1 waiting to be uploaded.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not assigned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln open)</source>
        <translation>
            <numerusform>%1 (%Ln open)</numerusform>
            <numerusform>%1 (%Ln open)</numerusform>
        </translation>
    </message>
    <message>
        <source>No reviewers in the cache yet: sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Assign %Ln submission(s) to:</source>
        <translation>
            <numerusform>Assign %Ln submission to:</numerusform>
            <numerusform>Assign %Ln submissions to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln move(s) of the balance waiting to be uploaded.</source>
        <translation>
            <numerusform>%Ln move of the balance waiting to be uploaded.</numerusform>
            <numerusform>%Ln moves of the balance waiting to be uploaded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>assay::LineIndex</name>
    <message>
        <source>Cannot open the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot map the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::MainWindow</name>
    <message>
        <source>Assay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload from Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the queue, or the questions and answers of the submission in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submissions in this profile yet.

Sync it with a marketplace to fill the queue:
assay sync --server URL --profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln submission(s) cached</source>
        <translation>
            <numerusform>%Ln submission cached</numerusform>
            <numerusform>%Ln submissions cached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) need attention</source>
        <translation>
            <numerusform>%Ln change needs attention</numerusform>
            <numerusform>%Ln changes need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence %1 is not in the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last submission in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first submission in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt Submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Changed Questions Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the questions whose answer is the same as in the previous submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tick the Checklist Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ssign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;turn to the Reviewer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the users: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign %1 to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assigned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the submission to a reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a lead assigns submissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to a marketplace with an access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop syncing and forget the token kept for this marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another profile folder (Assay starts again on it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Assay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the signed-in user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead&apos;s Board — Assay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lead&apos;s Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reviewers&apos; workload, assignments and charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Assay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the Board</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::PdfEvidenceView</name>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the PDF: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtPdf cannot read this PDF: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no error was reported, yet it did not load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ended before the document did (truncated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is encrypted with a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its security scheme is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>of %Ln page(s)</source>
        <translation>
            <numerusform>of %Ln page</numerusform>
            <numerusform>of %Ln pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>assay::PreviousReasons</name>
    <message>
        <source>Reasons of the previous rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addressed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addressed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why %1 was rejected (%L2 reasons in this category)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::QuestionNavigator</name>
    <message>
        <source>&amp;Changed only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories and questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2/%3 read · %4/%5 ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show changed questions only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the questions whose answer is the same as in the previous submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in questions and answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in questions and answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::QueueFilterBar</name>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by questionnaire version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under a week old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A week old or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A month old or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three months old or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole saved view again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::QueueModel</name>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 — submission %3, version %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n day(s) in stage</source>
        <translation>
            <numerusform>%1, %n day in stage</numerusform>
            <numerusform>%1, %n days in stage</numerusform>
        </translation>
    </message>
    <message>
        <source>Badge expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmit from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge / resubmission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cache is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>assay::QueuePage</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search apps, partners, answers and comments — &quot;a phrase&quot; in quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words find what holds all of them; quotes find an exact phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the saved view “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in “%1” matches “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters are on as well: Clear filters looks wider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in “%1” matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waits for you at the security stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is assigned to you at the review stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every open submission has a reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open submission is at the review stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open submission is at the security stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change is waiting to be uploaded: the marketplace has all your work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts and no failed uploads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing due for re-validation in the next %Ln day(s).</source>
        <translation>
            <numerusform>Nothing due for re-validation in the next %Ln day.</numerusform>
            <numerusform>Nothing due for re-validation in the next %Ln days.</numerusform>
        </translation>
    </message>
    <message>
        <source>No app is locked until a resubmission date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submission has been decided yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submissions in the cache yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar for Teams 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Northwind Software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alice Reviewerson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge expires 2027-12-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmit from 2027-12-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::QueueStateDelegate</name>
    <message>
        <source>%1 · %2 d</source>
        <comment>an SLA state and whole days in the stage</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ReasonsEditor</name>
    <message>
        <source>Rejection reasons: tick to include, edit the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note to the partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category of the reason to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason to add, from the rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note with the reason to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional note for the partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unticked required checklist items are offered as reasons: tick one (Space) to include it, edit its note, or remove it (Delete).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (offered: %1 not ticked)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ReviewHeader</name>
    <message>
        <source>App and partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox state of this submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets findings in this submission&apos;s evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · version %2 · questionnaire %3 · %4 · stage: %5 · assignee: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted %1 · updated %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>badge expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may resubmit from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your writes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review stage approved by %1 on %2 (version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secrets findings in evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secrets findings in the evidence scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than %L1 secrets findings in evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly revalidation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict — the marketplace has moved on; open it to re-base or discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused by the marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change pending upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes pending upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln secrets finding(s) in evidence</source>
        <translation>
            <numerusform>%Ln secrets finding in evidence</numerusform>
            <numerusform>%Ln secrets findings in evidence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) with findings not opened yet</source>
        <translation>
            <numerusform>%Ln item with findings not opened yet</numerusform>
            <numerusform>%Ln items with findings not opened yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) not scanned</source>
        <translation>
            <numerusform>%Ln item not scanned</numerusform>
            <numerusform>%Ln items not scanned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>assay::ReviewTreeModel</name>
    <message>
        <source>%1 (changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 read · %3/%4 required ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (dropped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ReviewView</name>
    <message>
        <source>Review of a submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist, comments and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;klist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verdict met a newer state on the marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict with the marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is not in the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No category is in view to add the reference to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference could not be saved in the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to your note on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ReviewerList</name>
    <message>
        <source>Reviewers and their open work</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ReviewerModel</name>
    <message>
        <source>Drop submissions here to assign them to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open submissions at the review stage assigned to the reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days since the oldest of them was submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many are past the stage&apos;s target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments waiting to be uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::SaveIndicator</name>
    <message>
        <source>Save state of your work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your work is saved as you go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::SavedViewList</name>
    <message>
        <source>Saved views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue&apos;s saved views with the number of submissions in each</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %Ln submission(s)</source>
        <translation>
            <numerusform>%1, %Ln submission</numerusform>
            <numerusform>%1, %Ln submissions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>assay::Session</name>
    <message>
        <source>cannot read the profile&apos;s marketplace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remember the marketplace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token for %1 was found: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile syncs with %1. Use Switch Profile for another marketplace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in as %1 for this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out; the token could not be removed from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out; ASSAY_TOKEN still signs in at the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assay could not be started on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assay cannot remember the token on this machine: %1. You can still sign in for this session; to be signed in at every start, set the ASSAY_TOKEN environment variable to the token before starting Assay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::SignInDialog</name>
    <message>
        <source>&amp;Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign In to a Marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assay reads submissions from your marketplace with a personal access token. It is checked with the marketplace before it is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://marketplace.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketplace URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://, or http:// only to this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your personal access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Marketplace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the marketplace&apos;s address, e.g. https://marketplace.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http:// is allowed only to this machine; %1 needs https:// so that the token and the partners&apos; data travel encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a web address: use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marketplace did not accept this token. Check it (or make a new one) and try again. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 is not secure, so the token was not sent again: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marketplace could not check the token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1. Keeping the token in %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1, but the token could not be kept in %2: %3.
Assay can use it for this session only. To sign in without a keychain next time, start Assay with the token in the ASSAY_TOKEN environment variable (ASSAY_TOKEN=… assay).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use for This Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the token for this session only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::SyncStatusBar</name>
    <message>
        <source>Reading the change feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send waiting changes and fetch what is new from the marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: show the server&apos;s message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>%Ln change waiting</numerusform>
            <numerusform>%Ln changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %L2 of %L3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln so far</source>
        <translation>
            <numerusform>%1: %Ln so far</numerusform>
            <numerusform>%1: %Ln so far</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marketplace answered the last sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marketplace cannot be reached; changes wait in the outbox and are sent when it can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync failed. Click to read what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::TextEvidenceArea</name>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::TextEvidenceView</name>
    <message>
        <source>Text evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More text tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::TextFindBar</name>
    <message>
        <source>Find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the text to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 found, searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (stopped at the limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::TextGoToBar</name>
    <message>
        <source>Go to line bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close go to line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::VerdictDialog</name>
    <message>
        <source>Verdict on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review stage&apos;s verdict (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review stage&apos;s verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;turn to the reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why a decision is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons (the partner reads each one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before approving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings before approving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read these &amp;warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read the warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the partner receives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stays internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the verdict cannot be recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;cord verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records the verdict in the outbox (Ctrl+Enter); the sync sends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close, keeping the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission %1 is not in the cache; sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire %1 is not in the cache; sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict on %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Approved at the review stage&lt;/b&gt; by %1 on %2, version %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing yet: this approve sends the submission to the security team. When security approves:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick at least one reason to reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason&apos;s note is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say in the summary why it goes back to the reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the warnings before approving, and confirm you have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded: pending upload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::ViewCommand</name>
    <message>
        <source>QtPdf cannot read its text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Assay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not finished within %1 ms: this picture shows what was there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>assay::WorkItemModel</name>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending upload: to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held — the marketplace refused the assignment; assign it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>offline — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
