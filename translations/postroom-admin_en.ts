<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>CertificateView</name>
        <message numerus="yes">
            <source>expires in %n day(s)</source>
            <translation>
                <numerusform>expires in %n day</numerusform>
                <numerusform>expires in %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConfigField</name>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n byte</numerusform>
                <numerusform>%n bytes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsPage</name>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LogPage</name>
        <message numerus="yes">
            <source>Paused: %n new record(s) held back.</source>
            <translation>
                <numerusform>Paused: %n new record held back.</numerusform>
                <numerusform>Paused: %n new records held back.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueuePage</name>
        <message numerus="yes">
            <source>%n message(s) in the queue</source>
            <translation>
                <numerusform>%n message in the queue</numerusform>
                <numerusform>%n messages in the queue</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SavePreviewDialog</name>
        <message numerus="yes">
            <source>(hidden, %n character(s))</source>
            <translation>
                <numerusform>(hidden, %n character)</numerusform>
                <numerusform>(hidden, %n characters)</numerusform>
            </translation>
        </message>
    </context>
</TS>
