<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Add user</source>
            <translation>Benutzer anlegen</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <source>name@%1</source>
            <translation>name@%1</translation>
        </message>
        <message>
            <source>Optional, e.g. Anna Schmidt</source>
            <translation>Optional, z. B. Anna Schmidt</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> MiB</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Unbegrenzt</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Adresse:</translation>
        </message>
        <message>
            <source>&amp;Display name:</source>
            <translation>Anzeige&amp;name:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>Passwort &amp;wiederholen:</translation>
        </message>
        <message>
            <source>&amp;Quota:</source>
            <translation>&amp;Kontingent:</translation>
        </message>
        <message>
            <source>Enter the user's mail address.</source>
            <translation>Geben Sie die E-Mail-Adresse des Benutzers ein.</translation>
        </message>
        <message>
            <source>"%1" is not a valid mail address: %2</source>
            <translation>„%1“ ist keine gültige E-Mail-Adresse: %2</translation>
        </message>
        <message>
            <source>%1 is not one of this server's mail domains (%2). Add the domain on the General page first.</source>
            <translation>%1 ist keine Maildomain dieses Servers (%2). Fügen Sie die Domain zuerst auf der Seite „Allgemein“ hinzu.</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>Das Passwort muss mindestens %1 Zeichen lang sein.</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Die beiden Passwörter stimmen nicht überein.</translation>
        </message>
    </context>
    <context>
        <name>CertificateView</name>
        <message>
            <source>Certificate</source>
            <translation>Zertifikat</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Datei:</translation>
        </message>
        <message>
            <source>Subject:</source>
            <translation>Inhaber:</translation>
        </message>
        <message>
            <source>Names (SAN):</source>
            <translation>Namen (SAN):</translation>
        </message>
        <message>
            <source>Issuer:</source>
            <translation>Aussteller:</translation>
        </message>
        <message>
            <source>Valid:</source>
            <translation>Gültig:</translation>
        </message>
        <message>
            <source>Self-signed:</source>
            <translation>Selbstsigniert:</translation>
        </message>
        <message>
            <source>SHA-256:</source>
            <translation>SHA-256:</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <source>The file does not exist (yet). The daemon generates a self-signed certificate there when it starts, unless you name your own files above.</source>
            <translation>Die Datei existiert (noch) nicht. Der Dienst erzeugt dort beim Start ein selbstsigniertes Zertifikat, sofern Sie oben keine eigenen Dateien angeben.</translation>
        </message>
        <message>
            <source>&lt;span style="color:#c0392b"&gt;Not a readable PEM certificate.&lt;/span&gt;</source>
            <translation>&lt;span style="color:#c0392b"&gt;Kein lesbares PEM-Zertifikat.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>IP %1</source>
            <translation>IP %1</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1 bis %2</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>abgelaufen</translation>
        </message>
        <message>
            <source>not valid yet</source>
            <translation>noch nicht gültig</translation>
        </message>
        <message numerus="yes">
            <source>expires in %n day(s)</source>
            <translation>
                <numerusform>läuft in %n Tag ab</numerusform>
                <numerusform>läuft in %n Tagen ab</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>noch %n Tag</numerusform>
                <numerusform>noch %n Tage</numerusform>
            </translation>
        </message>
        <message>
            <source>Yes: mail programs will warn about it unless the admin trusts it. Fine for testing and internal use; use a CA-signed certificate in production.</source>
            <translation>Ja: Mailprogramme warnen davor, solange es nicht ausdrücklich als vertrauenswürdig eingestuft ist. Gut für Tests und den internen Einsatz; im Produktivbetrieb ein von einer Zertifizierungsstelle signiertes Zertifikat verwenden.</translation>
        </message>
        <message>
            <source>No (issued by a certificate authority)</source>
            <translation>Nein (von einer Zertifizierungsstelle ausgestellt)</translation>
        </message>
    </context>
    <context>
        <name>ConfigField</name>
        <message>
            <source>Undo this change</source>
            <translation>Diese Änderung rückgängig machen</translation>
        </message>
        <message>
            <source>needs restart</source>
            <translation>Neustart nötig</translation>
        </message>
        <message>
            <source>The daemon applies this setting only when it is restarted, not on reload.</source>
            <translation>Der Dienst übernimmt diese Einstellung erst nach einem Neustart, nicht beim Neuladen.</translation>
        </message>
        <message>
            <source> bytes</source>
            <translation> Bytes</translation>
        </message>
        <message>
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <source>example.com</source>
            <translation>example.com</translation>
        </message>
        <message>
            <source>"%1" is not a domain name such as example.com.</source>
            <translation>„%1“ ist kein Domainname wie example.com.</translation>
        </message>
        <message>
            <source>192.0.2.10 or 10.0.0.0/8</source>
            <translation>192.0.2.10 oder 10.0.0.0/8</translation>
        </message>
        <message>
            <source>"%1" is not an IP address or CIDR range such as 10.0.0.0/8.</source>
            <translation>„%1“ ist keine IP-Adresse und kein CIDR-Bereich wie 10.0.0.0/8.</translation>
        </message>
        <message>
            <source>0.0.0.0 (all IPv4), :: (all), 127.0.0.1</source>
            <translation>0.0.0.0 (alle IPv4), :: (alle), 127.0.0.1</translation>
        </message>
        <message>
            <source>mail.example.com</source>
            <translation>mail.example.com</translation>
        </message>
        <message>
            <source>Empty: deliver directly (host:port to use a smarthost)</source>
            <translation>Leer: direkt zustellen (host:port für einen Smarthost)</translation>
        </message>
        <message>
            <source>Empty: generated by the daemon and kept in the mail folder</source>
            <translation>Leer: vom Dienst erzeugt und im Mailordner gespeichert</translation>
        </message>
        <message>
            <source>Empty: self-signed certificate in the mail folder</source>
            <translation>Leer: selbstsigniertes Zertifikat im Mailordner</translation>
        </message>
        <message>
            <source>Empty: not set</source>
            <translation>Leer: nicht gesetzt</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Anzeigen</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Verbergen</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>Erzeugen</translation>
        </message>
        <message>
            <source>Create a new random 256-bit secret. Tokens signed with the old one stop working.</source>
            <translation>Ein neues zufälliges 256-Bit-Geheimnis erzeugen. Mit dem alten signierte Tokens werden ungültig.</translation>
        </message>
        <message>
            <source>Browse...</source>
            <translation>Durchsuchen …</translation>
        </message>
        <message>
            <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
            <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>%1 GiB</source>
            <translation>%1 GiB</translation>
        </message>
        <message>
            <source>%1 MiB</source>
            <translation>%1 MiB</translation>
        </message>
        <message>
            <source>%1 KiB</source>
            <translation>%1 KiB</translation>
        </message>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n Byte</numerusform>
                <numerusform>%n Bytes</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 Tage</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 Std.</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 Min.</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
    </context>
    <context>
        <name>ConfigFormModel</name>
        <message>
            <source>Cannot read %1: %2</source>
            <translation>%1 kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>%1 is not a valid JSON object: %2</source>
            <translation>%1 ist kein gültiges JSON-Objekt: %2</translation>
        </message>
        <message>
            <source>The configuration is not valid:
%1</source>
            <translation>Die Konfiguration ist ungültig:
%1</translation>
        </message>
        <message>
            <source>No file name to save to.</source>
            <translation>Kein Dateiname zum Speichern angegeben.</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>%1 konnte nicht geschrieben werden: %2</translation>
        </message>
    </context>
    <context>
        <name>ConfigPage</name>
        <message>
            <source>Unsaved changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
    </context>
    <context>
        <name>ConfigSchema</name>
        <message>
            <source>Server FQDN, used in SMTP banners, the TLS certificate and autoconfig responses.</source>
            <translation>Vollständiger Hostname des Servers (FQDN), verwendet in SMTP-Begrüßungen, im TLS-Zertifikat und in Autoconfig-Antworten.</translation>
        </message>
        <message>
            <source>Root directory for all user data, the queue and TLS certificates (relative to config.json's folder).</source>
            <translation>Stammverzeichnis für alle Benutzerdaten, die Warteschlange und TLS-Zertifikate (relativ zum Ordner der config.json).</translation>
        </message>
        <message>
            <source>Accepted mail domains (case-insensitive).</source>
            <translation>Angenommene Maildomains (Groß-/Kleinschreibung egal).</translation>
        </message>
        <message>
            <source>Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL (case-insensitive; WARN means WARNING).</source>
            <translation>Protokollstufe: DEBUG, INFO, WARNING, ERROR oder CRITICAL (Groß-/Kleinschreibung egal; WARN bedeutet WARNING).</translation>
        </message>
        <message>
            <source>Path of the local control socket used by postroom-admin and the postroomd commands; null means {mail_root}/control.sock.</source>
            <translation>Pfad des lokalen Steuer-Sockets, den postroom-admin und die postroomd-Befehle verwenden; leer bedeutet {mail_root}/control.sock.</translation>
        </message>
        <message>
            <source>When started as root: the user to switch to after binding the ports; null keeps running as the starting user.</source>
            <translation>Beim Start als root: der Benutzer, zu dem nach dem Öffnen der Ports gewechselt wird; leer läuft als startender Benutzer weiter.</translation>
        </message>
        <message>
            <source>Bind address for all SMTP listeners.</source>
            <translation>Adresse, an der alle SMTP-Ports lauschen.</translation>
        </message>
        <message>
            <source>SMTP port for inbound mail to our domains (no AUTH, never relays).</source>
            <translation>SMTP-Port für eingehende Mails an unsere Domains (ohne Anmeldung, leitet nie weiter).</translation>
        </message>
        <message>
            <source>Authenticated submission port (STARTTLS required for AUTH when TLS is configured).</source>
            <translation>Port für den Mailversand mit Anmeldung (STARTTLS ist für die Anmeldung nötig, wenn TLS eingerichtet ist).</translation>
        </message>
        <message>
            <source>Implicit TLS SMTP port (active when TLS is configured).</source>
            <translation>SMTP-Port mit implizitem TLS (aktiv, wenn TLS eingerichtet ist).</translation>
        </message>
        <message>
            <source>Maximum message size in bytes, announced with the SIZE extension.</source>
            <translation>Maximale Nachrichtengröße in Bytes, per SIZE-Erweiterung angekündigt.</translation>
        </message>
        <message>
            <source>Maximum RCPT TO recipients per message; the excess gets 452.</source>
            <translation>Maximale Anzahl Empfänger (RCPT TO) pro Nachricht; weitere erhalten 452.</translation>
        </message>
        <message>
            <source>Maximum simultaneous SMTP connections over all SMTP ports.</source>
            <translation>Maximale gleichzeitige SMTP-Verbindungen über alle SMTP-Ports.</translation>
        </message>
        <message>
            <source>Maximum messages per SMTP session before the server closes it.</source>
            <translation>Maximale Nachrichten pro SMTP-Sitzung, bevor der Server sie schließt.</translation>
        </message>
        <message>
            <source>Bind address for IMAP listeners.</source>
            <translation>Adresse, an der die IMAP-Ports lauschen.</translation>
        </message>
        <message>
            <source>IMAP port (STARTTLS available when TLS is configured).</source>
            <translation>IMAP-Port (STARTTLS verfügbar, wenn TLS eingerichtet ist).</translation>
        </message>
        <message>
            <source>IMAPS implicit TLS port (active when TLS is configured).</source>
            <translation>IMAPS-Port mit implizitem TLS (aktiv, wenn TLS eingerichtet ist).</translation>
        </message>
        <message>
            <source>Maximum simultaneous IMAP connections.</source>
            <translation>Maximale gleichzeitige IMAP-Verbindungen.</translation>
        </message>
        <message>
            <source>Bind address for the HTTP API listeners.</source>
            <translation>Adresse, an der die HTTP-API lauscht.</translation>
        </message>
        <message>
            <source>HTTP API port.</source>
            <translation>Port der HTTP-API.</translation>
        </message>
        <message>
            <source>HTTPS API port (active when TLS is configured).</source>
            <translation>Port der HTTPS-API (aktiv, wenn TLS eingerichtet ist).</translation>
        </message>
        <message>
            <source>HMAC-SHA256 key for signing API tokens (at least 16 characters); null generates a random one kept in {mail_root}. Set it explicitly when several processes must accept the same tokens.</source>
            <translation>HMAC-SHA256-Schlüssel zum Signieren von API-Tokens (mindestens 16 Zeichen); leer erzeugt einen zufälligen, der in {mail_root} gespeichert wird. Ausdrücklich setzen, wenn mehrere Prozesse dieselben Tokens akzeptieren müssen.</translation>
        </message>
        <message>
            <source>Number of concurrent delivery workers.</source>
            <translation>Anzahl gleichzeitig arbeitender Zustellprozesse.</translation>
        </message>
        <message>
            <source>Smarthost as "host:port" that receives all outgoing mail (for providers that block port 25); null delivers directly by MX.</source>
            <translation>Smarthost als „host:port“, der alle ausgehenden Mails annimmt (für Anbieter, die Port 25 sperren); leer stellt direkt per MX zu.</translation>
        </message>
        <message>
            <source>How to secure the smarthost connection: starttls, tls or none.</source>
            <translation>Absicherung der Verbindung zum Smarthost: starttls, tls oder none.</translation>
        </message>
        <message>
            <source>User name for AUTH at the smarthost; null sends without AUTH.</source>
            <translation>Benutzername für die Anmeldung am Smarthost; leer sendet ohne Anmeldung.</translation>
        </message>
        <message>
            <source>Password for AUTH at the smarthost.</source>
            <translation>Passwort für die Anmeldung am Smarthost.</translation>
        </message>
        <message>
            <source>Static routes: destination domain -&gt; "host:port", used instead of the MX lookup.</source>
            <translation>Feste Routen: Zieldomain -&gt; „host:port“, statt der MX-Abfrage verwendet.</translation>
        </message>
        <message>
            <source>Seconds a message may wait in the queue before it is bounced (default 5 days).</source>
            <translation>Sekunden, die eine Nachricht in der Warteschlange bleiben darf, bevor sie zurückgeht (Standard 5 Tage).</translation>
        </message>
        <message>
            <source>PEM certificate (chain). Null: a self-signed certificate is generated in {mail_root}/tls/cert.pem.</source>
            <translation>PEM-Zertifikat (Kette). Leer: Ein selbstsigniertes Zertifikat wird in {mail_root}/tls/cert.pem erzeugt.</translation>
        </message>
        <message>
            <source>PEM private key. Null: generated alongside the self-signed certificate.</source>
            <translation>Privater PEM-Schlüssel. Leer: wird zusammen mit dem selbstsignierten Zertifikat erzeugt.</translation>
        </message>
        <message>
            <source>Enable or disable rate limiting globally.</source>
            <translation>Ratenbegrenzung insgesamt ein- oder ausschalten.</translation>
        </message>
        <message>
            <source>Maximum connections per IP within connection_period.</source>
            <translation>Maximale Verbindungen pro IP innerhalb des Verbindungsfensters.</translation>
        </message>
        <message>
            <source>Period in seconds for the connection rate window.</source>
            <translation>Länge des Verbindungsfensters in Sekunden.</translation>
        </message>
        <message>
            <source>Maximum messages per IP within message_period.</source>
            <translation>Maximale Nachrichten pro IP innerhalb des Nachrichtenfensters.</translation>
        </message>
        <message>
            <source>Period in seconds for the message rate window.</source>
            <translation>Länge des Nachrichtenfensters in Sekunden.</translation>
        </message>
        <message>
            <source>Maximum recipients per IP within recipient_period.</source>
            <translation>Maximale Empfänger pro IP innerhalb des Empfängerfensters.</translation>
        </message>
        <message>
            <source>Period in seconds for the recipient rate window.</source>
            <translation>Länge des Empfängerfensters in Sekunden.</translation>
        </message>
        <message>
            <source>Authentication failures before the IP is locked out.</source>
            <translation>Fehlgeschlagene Anmeldungen, bevor die IP gesperrt wird.</translation>
        </message>
        <message>
            <source>Lockout duration in seconds after the failure limit is reached.</source>
            <translation>Sperrdauer in Sekunden nach Erreichen der Fehlergrenze.</translation>
        </message>
        <message>
            <source>Maximum simultaneous connections from one IP (SMTP, IMAP and API).</source>
            <translation>Maximale gleichzeitige Verbindungen von einer IP (SMTP, IMAP und API).</translation>
        </message>
        <message>
            <source>IP addresses or CIDR ranges exempt from all rate limiting. Keep 127.0.0.1 here for diagnostics and tests.</source>
            <translation>IP-Adressen oder CIDR-Bereiche, die von jeder Ratenbegrenzung ausgenommen sind. 127.0.0.1 für Diagnose und Tests hier lassen.</translation>
        </message>
        <message>
            <source>Maximum number of IPs tracked in memory (least recently seen dropped first).</source>
            <translation>Maximale Anzahl im Speicher verfolgter IPs (die am längsten nicht gesehenen fallen zuerst weg).</translation>
        </message>
        <message>
            <source>Seconds between clean-ups of stale IP records.</source>
            <translation>Sekunden zwischen dem Aufräumen veralteter IP-Einträge.</translation>
        </message>
        <message>
            <source>Seconds a client has to send one complete command line (RFC 5321 4.5.3.2.7 asks for at least 300). A client that trickles a command slower is closed with 421 4.4.2.</source>
            <translation>Sekunden, die ein Client für eine vollständige Befehlszeile hat (RFC 5321 4.5.3.2.7 verlangt mindestens 300). Ein Client, der einen Befehl langsamer tröpfeln lässt, wird mit 421 4.4.2 getrennt.</translation>
        </message>
        <message>
            <source>Seconds the server waits for more message data during DATA or BDAT (RFC 5321 4.5.3.2.5 asks for at least 180); then 421 4.4.2.</source>
            <translation>Sekunden, die der Server bei DATA oder BDAT auf weitere Nachrichtendaten wartet (RFC 5321 4.5.3.2.5 verlangt mindestens 180); danach 421 4.4.2.</translation>
        </message>
        <message>
            <source>Seconds an IMAP client may go without sending a complete command, IDLE included, before the server says BYE Autologout (RFC 3501 5.4 asks for at least 1800). Before login at most 300.</source>
            <translation>Sekunden, die ein IMAP-Client ohne vollständigen Befehl (auch in IDLE) bleiben darf, bevor der Server BYE Autologout sendet (RFC 3501 5.4 verlangt mindestens 1800). Vor der Anmeldung höchstens 300.</translation>
        </message>
        <message>
            <source>Seconds an HTTP API connection may stay silent before it is closed; a request head must also arrive complete within this time (and within 30).</source>
            <translation>Sekunden, die eine HTTP-API-Verbindung still bleiben darf, bevor sie geschlossen wird; auch ein Anfragekopf muss innerhalb dieser Zeit (und innerhalb von 30) vollständig ankommen.</translation>
        </message>
    </context>
    <context>
        <name>DaemonClient</name>
        <message>
            <source>The connection to the daemon was closed.</source>
            <translation>Die Verbindung zum Dienst wurde geschlossen.</translation>
        </message>
        <message>
            <source>no control socket at this path</source>
            <translation>unter diesem Pfad gibt es keinen Steuer-Socket</translation>
        </message>
        <message>
            <source>connection refused (the daemon is not running)</source>
            <translation>Verbindung abgelehnt (der Dienst läuft nicht)</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>Zugriff verweigert</translation>
        </message>
        <message>
            <source>The daemon is not running or not reachable.</source>
            <translation>Der Dienst läuft nicht oder ist nicht erreichbar.</translation>
        </message>
        <message>
            <source>The daemon did not answer in time.</source>
            <translation>Der Dienst hat nicht rechtzeitig geantwortet.</translation>
        </message>
        <message>
            <source>Not supported by this daemon version.</source>
            <translation>Von dieser Version des Dienstes nicht unterstützt.</translation>
        </message>
        <message>
            <source>The daemon reported an error (%1).</source>
            <translation>Der Dienst hat einen Fehler gemeldet (%1).</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>Zustand:</translation>
        </message>
        <message>
            <source>Running for:</source>
            <translation>Läuft seit:</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Host name:</source>
            <translation>Hostname:</translation>
        </message>
        <message>
            <source>Config file:</source>
            <translation>Konfigurationsdatei:</translation>
        </message>
        <message>
            <source>TLS:</source>
            <translation>TLS:</translation>
        </message>
        <message>
            <source>Since start:</source>
            <translation>Seit dem Start:</translation>
        </message>
        <message>
            <source>Listeners</source>
            <translation>Dienste und Ports</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Dienst</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Open connections</source>
            <translation>Offene Verbindungen</translation>
        </message>
        <message>
            <source>Messages per minute</source>
            <translation>Nachrichten pro Minute</translation>
        </message>
        <message>
            <source>Queue length</source>
            <translation>Warteschlangenlänge</translation>
        </message>
        <message>
            <source>Refusals per minute</source>
            <translation>Ablehnungen pro Minute</translation>
        </message>
        <message>
            <source>Traffic</source>
            <translation>Datenverkehr</translation>
        </message>
        <message>
            <source> KiB/s</source>
            <translation> KiB/s</translation>
        </message>
        <message>
            <source>Not supported by this daemon version.</source>
            <translation>Von dieser Version des Dienstes nicht unterstützt.</translation>
        </message>
        <message>
            <source>Running (process %1)</source>
            <translation>Läuft (Prozess %1)</translation>
        </message>
        <message>
            <source>Enabled (%1)</source>
            <translation>Aktiv (%1)</translation>
        </message>
        <message>
            <source>Not configured</source>
            <translation>Nicht eingerichtet</translation>
        </message>
        <message>
            <source>implicit TLS</source>
            <translation>implizites TLS</translation>
        </message>
        <message>
            <source>STARTTLS</source>
            <translation>STARTTLS</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keins</translation>
        </message>
        <message>
            <source>listening</source>
            <translation>bereit</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>fehlgeschlagen</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>deaktiviert</translation>
        </message>
        <message>
            <source>SMTP</source>
            <translation>SMTP</translation>
        </message>
        <message>
            <source>IMAP</source>
            <translation>IMAP</translation>
        </message>
        <message>
            <source>API</source>
            <translation>API</translation>
        </message>
        <message>
            <source>received</source>
            <translation>empfangen</translation>
        </message>
        <message>
            <source>delivered</source>
            <translation>zugestellt</translation>
        </message>
        <message>
            <source>bounced</source>
            <translation>zurückgewiesen</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>wartend</translation>
        </message>
        <message>
            <source>rate limit</source>
            <translation>Ratenbegrenzung</translation>
        </message>
        <message>
            <source>failed logins</source>
            <translation>fehlgeschlagene Anmeldungen</translation>
        </message>
        <message>
            <source>in</source>
            <translation>ein</translation>
        </message>
        <message>
            <source>out</source>
            <translation>aus</translation>
        </message>
        <message>
            <source>%1 received, %2 delivered, %3 deferred, %4 bounced; %5 failed logins, %6 rate-limit refusals</source>
            <translation>%1 empfangen, %2 zugestellt, %3 zurückgestellt, %4 zurückgewiesen; %5 fehlgeschlagene Anmeldungen, %6 Ablehnungen durch Ratenbegrenzung</translation>
        </message>
        <message>
            <source>Not running (or not reachable)</source>
            <translation>Läuft nicht (oder nicht erreichbar)</translation>
        </message>
        <message>
            <source>No connection to the daemon</source>
            <translation>Keine Verbindung zum Dienst</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n Tag</numerusform>
                <numerusform>%n Tage</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 Std. %2 Min.</translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1 Min. %2 s</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsPage</name>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnose</translation>
        </message>
        <message>
            <source>Checks the running server from this computer the way mail programs and other servers see it: every listener, encryption and the certificate, logins, a test message from submission to a mailbox (read back over IMAP and the API) and automatic setup. A throwaway account is created for the test and removed afterwards.</source>
            <translation>Prüft den laufenden Server von diesem Rechner aus so, wie Mailprogramme und andere Server ihn sehen: jeden Listener, die Verschlüsselung und das Zertifikat, Anmeldungen, eine Testnachricht von der Einlieferung bis in ein Postfach (über IMAP und die API zurückgelesen) und die automatische Einrichtung. Für den Test wird ein Wegwerf-Konto angelegt und danach wieder entfernt.</translation>
        </message>
        <message>
            <source>Check &amp;DNS too</source>
            <translation>Auch &amp;DNS prüfen</translation>
        </message>
        <message>
            <source>Also look up the MX, SPF and DMARC records of each domain and the reverse DNS of the server's address. Needs internet access; without it these checks are warnings.</source>
            <translation>Zusätzlich die MX-, SPF- und DMARC-Einträge jeder Domain und das Reverse-DNS der Serveradresse abfragen. Braucht Internetzugang; ohne ihn sind diese Prüfungen Warnungen.</translation>
        </message>
        <message>
            <source>&amp;Run diagnostics</source>
            <translation>Diagnose &amp;starten</translation>
        </message>
        <message>
            <source>Run every check now. This takes a few seconds, longer with DNS.</source>
            <translation>Alle Prüfungen jetzt ausführen. Das dauert einige Sekunden, mit DNS länger.</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Prüfung</translation>
        </message>
        <message>
            <source>What was found</source>
            <translation>Befund</translation>
        </message>
        <message>
            <source>How to fix it</source>
            <translation>So beheben Sie es</translation>
        </message>
        <message>
            <source>Not run yet.</source>
            <translation>Noch nicht ausgeführt.</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>Bestanden</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>The daemon is not running. Diagnostics check the running server: start postroomd (for example with "systemctl start postroomd"), then run them. The Run button works again as soon as this window is connected.</source>
            <translation>Der Dienst läuft nicht. Die Diagnose prüft den laufenden Server: Starten Sie postroomd (zum Beispiel mit „systemctl start postroomd“) und führen Sie sie dann aus. Die Schaltfläche zum Starten ist wieder verfügbar, sobald dieses Fenster verbunden ist.</translation>
        </message>
        <message>
            <source>Running the checks, including DNS... this can take a minute.</source>
            <translation>Prüfungen laufen, einschließlich DNS … das kann eine Minute dauern.</translation>
        </message>
        <message>
            <source>Running the checks... this takes a few seconds.</source>
            <translation>Prüfungen laufen … das dauert einige Sekunden.</translation>
        </message>
        <message>
            <source>Diagnostics could not run: %1</source>
            <translation>Die Diagnose konnte nicht ausgeführt werden: %1</translation>
        </message>
        <message>
            <source>No result.</source>
            <translation>Kein Ergebnis.</translation>
        </message>
        <message>
            <source>Something does not work: fix the failed checks first.</source>
            <translation>Etwas funktioniert nicht: Beheben Sie zuerst die fehlgeschlagenen Prüfungen.</translation>
        </message>
        <message>
            <source>Everything works; the warnings are worth a look.</source>
            <translation>Alles funktioniert; die Warnungen sind einen Blick wert.</translation>
        </message>
        <message>
            <source>Everything works.</source>
            <translation>Alles funktioniert.</translation>
        </message>
        <message numerus="yes">
            <source>%n passed</source>
            <translation>
                <numerusform>%n bestanden</numerusform>
                <numerusform>%n bestanden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n Warnung</numerusform>
                <numerusform>%n Warnungen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n fehlgeschlagen</numerusform>
                <numerusform>%n fehlgeschlagen</numerusform>
            </translation>
        </message>
        <message>
            <source>Run at %1, took %2 s.</source>
            <translation>Ausgeführt um %1, Dauer %2 s.</translation>
        </message>
    </context>
    <context>
        <name>FieldTexts</name>
        <message>
            <source>Host name</source>
            <translation>Hostname</translation>
        </message>
        <message>
            <source>Mail folder</source>
            <translation>Mailordner</translation>
        </message>
        <message>
            <source>Mail domains</source>
            <translation>Maildomains</translation>
        </message>
        <message>
            <source>Log level</source>
            <translation>Protokollstufe</translation>
        </message>
        <message>
            <source>Control socket</source>
            <translation>Steuer-Socket</translation>
        </message>
        <message>
            <source>Run as user</source>
            <translation>Als Benutzer ausführen</translation>
        </message>
        <message>
            <source>Listen address</source>
            <translation>Lauschadresse</translation>
        </message>
        <message>
            <source>Inbound port (SMTP)</source>
            <translation>Eingangsport (SMTP)</translation>
        </message>
        <message>
            <source>Submission port</source>
            <translation>Versandport (Submission)</translation>
        </message>
        <message>
            <source>Implicit TLS port (SMTPS)</source>
            <translation>Port mit implizitem TLS (SMTPS)</translation>
        </message>
        <message>
            <source>Maximum message size</source>
            <translation>Maximale Nachrichtengröße</translation>
        </message>
        <message>
            <source>Maximum recipients per message</source>
            <translation>Maximale Empfänger pro Nachricht</translation>
        </message>
        <message>
            <source>Maximum connections</source>
            <translation>Maximale Verbindungen</translation>
        </message>
        <message>
            <source>Maximum messages per connection</source>
            <translation>Maximale Nachrichten pro Verbindung</translation>
        </message>
        <message>
            <source>IMAP port</source>
            <translation>IMAP-Port</translation>
        </message>
        <message>
            <source>Implicit TLS port (IMAPS)</source>
            <translation>Port mit implizitem TLS (IMAPS)</translation>
        </message>
        <message>
            <source>HTTP port</source>
            <translation>HTTP-Port</translation>
        </message>
        <message>
            <source>HTTPS port</source>
            <translation>HTTPS-Port</translation>
        </message>
        <message>
            <source>Token signing secret</source>
            <translation>Geheimnis zum Signieren der Tokens</translation>
        </message>
        <message>
            <source>Delivery workers</source>
            <translation>Zustellprozesse</translation>
        </message>
        <message>
            <source>Smarthost</source>
            <translation>Smarthost</translation>
        </message>
        <message>
            <source>Smarthost security</source>
            <translation>Absicherung zum Smarthost</translation>
        </message>
        <message>
            <source>Smarthost user name</source>
            <translation>Benutzername am Smarthost</translation>
        </message>
        <message>
            <source>Smarthost password</source>
            <translation>Passwort am Smarthost</translation>
        </message>
        <message>
            <source>Static routes</source>
            <translation>Feste Routen</translation>
        </message>
        <message>
            <source>Maximum time in queue</source>
            <translation>Maximale Zeit in der Warteschlange</translation>
        </message>
        <message>
            <source>Certificate file</source>
            <translation>Zertifikatsdatei</translation>
        </message>
        <message>
            <source>Private key file</source>
            <translation>Datei des privaten Schlüssels</translation>
        </message>
        <message>
            <source>Rate limiting enabled</source>
            <translation>Ratenbegrenzung aktiv</translation>
        </message>
        <message>
            <source>Connections per IP</source>
            <translation>Verbindungen pro IP</translation>
        </message>
        <message>
            <source>Connection window</source>
            <translation>Verbindungsfenster</translation>
        </message>
        <message>
            <source>Messages per IP</source>
            <translation>Nachrichten pro IP</translation>
        </message>
        <message>
            <source>Message window</source>
            <translation>Nachrichtenfenster</translation>
        </message>
        <message>
            <source>Recipients per IP</source>
            <translation>Empfänger pro IP</translation>
        </message>
        <message>
            <source>Recipient window</source>
            <translation>Empfängerfenster</translation>
        </message>
        <message>
            <source>Failed logins before lockout</source>
            <translation>Fehlversuche bis zur Sperre</translation>
        </message>
        <message>
            <source>Lockout duration</source>
            <translation>Sperrdauer</translation>
        </message>
        <message>
            <source>Simultaneous connections per IP</source>
            <translation>Gleichzeitige Verbindungen pro IP</translation>
        </message>
        <message>
            <source>Exempt addresses</source>
            <translation>Ausgenommene Adressen</translation>
        </message>
        <message>
            <source>Tracked IPs (maximum)</source>
            <translation>Verfolgte IPs (Maximum)</translation>
        </message>
        <message>
            <source>Clean-up interval</source>
            <translation>Aufräumintervall</translation>
        </message>
        <message>
            <source>Command timeout</source>
            <translation>Zeitlimit für Befehle</translation>
        </message>
        <message>
            <source>Data timeout</source>
            <translation>Zeitlimit für Daten</translation>
        </message>
        <message>
            <source>Autologout timeout</source>
            <translation>Zeitlimit für Autologout</translation>
        </message>
        <message>
            <source>Idle timeout</source>
            <translation>Leerlauf-Zeitlimit</translation>
        </message>
    </context>
    <context>
        <name>GraphWidget</name>
        <message>
            <source>Waiting for data...</source>
            <translation>Warte auf Daten …</translation>
        </message>
        <message>
            <source>-%1 min</source>
            <translation>-%1 Min.</translation>
        </message>
        <message>
            <source>-%1 s</source>
            <translation>-%1 s</translation>
        </message>
        <message>
            <source>now</source>
            <translation>jetzt</translation>
        </message>
    </context>
    <context>
        <name>ListEditor</name>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>%1 is already in the list.</source>
            <translation>%1 steht bereits in der Liste.</translation>
        </message>
    </context>
    <context>
        <name>LogPage</name>
        <message>
            <source>Log</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <source>All levels</source>
            <translation>Alle Stufen</translation>
        </message>
        <message>
            <source>Info and above</source>
            <translation>Info und höher</translation>
        </message>
        <message>
            <source>Warnings and errors</source>
            <translation>Warnungen und Fehler</translation>
        </message>
        <message>
            <source>Errors only</source>
            <translation>Nur Fehler</translation>
        </message>
        <message>
            <source>All subsystems</source>
            <translation>Alle Bereiche</translation>
        </message>
        <message>
            <source>Search messages</source>
            <translation>Meldungen durchsuchen</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Anhalten</translation>
        </message>
        <message>
            <source>Hold the view still; new records are kept and shown when you resume.</source>
            <translation>Ansicht anhalten; neue Einträge werden gesammelt und beim Fortsetzen angezeigt.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Leeren</translation>
        </message>
        <message>
            <source>Level:</source>
            <translation>Stufe:</translation>
        </message>
        <message>
            <source>Subsystem:</source>
            <translation>Bereich:</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <source>Subsystem</source>
            <translation>Bereich</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>The daemon is not running; the log continues when it is back.</source>
            <translation>Der Dienst läuft nicht; das Protokoll geht weiter, sobald er wieder da ist.</translation>
        </message>
        <message>
            <source>Live log: %1</source>
            <translation>Live-Protokoll: %1</translation>
        </message>
        <message>
            <source>Showing %1 of %2 records.</source>
            <translation>%1 von %2 Einträgen angezeigt.</translation>
        </message>
        <message numerus="yes">
            <source>Paused: %n new record(s) held back.</source>
            <translation>
                <numerusform>Angehalten: %n neuer Eintrag zurückgehalten.</numerusform>
                <numerusform>Angehalten: %n neue Einträge zurückgehalten.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Choose socket...</source>
            <translation>Socket wählen …</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>The server's name, where it keeps its data, and which mail domains it accepts.</source>
            <translation>Der Name des Servers, wo er seine Daten ablegt und welche Maildomains er annimmt.</translation>
        </message>
        <message>
            <source>SMTP</source>
            <translation>SMTP</translation>
        </message>
        <message>
            <source>Receiving mail: port 25 accepts mail for your domains from anyone; the submission ports are for your users' mail programs and require a login.</source>
            <translation>Mail empfangen: Port 25 nimmt von jedem Mails für Ihre Domains an; die Versandports sind für die Mailprogramme Ihrer Benutzer und verlangen eine Anmeldung.</translation>
        </message>
        <message>
            <source>IMAP</source>
            <translation>IMAP</translation>
        </message>
        <message>
            <source>Reading mail: where mail programs connect to read the users' folders.</source>
            <translation>Mail lesen: hier verbinden sich Mailprogramme, um die Ordner der Benutzer zu lesen.</translation>
        </message>
        <message>
            <source>Exchange API</source>
            <translation>Exchange-API</translation>
        </message>
        <message>
            <source>The HTTP API used by web and mobile clients, and for automatic account setup.</source>
            <translation>Die HTTP-API für Web- und Mobilprogramme sowie für die automatische Kontoeinrichtung.</translation>
        </message>
        <message>
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <source>Encryption. Leave both files empty to use a self-signed certificate the server generates; for production, name the certificate and key from your certificate authority.</source>
            <translation>Verschlüsselung. Lassen Sie beide Dateien leer, um ein vom Server erzeugtes selbstsigniertes Zertifikat zu verwenden; für den Produktivbetrieb geben Sie Zertifikat und Schlüssel Ihrer Zertifizierungsstelle an.</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Zustellung</translation>
        </message>
        <message>
            <source>Sending mail on: how many deliveries run at once, an optional smarthost (relay) for all outgoing mail, and static routes for single domains.</source>
            <translation>Mail weiterleiten: wie viele Zustellungen gleichzeitig laufen, ein optionaler Smarthost (Relay) für alle ausgehenden Mails und feste Routen für einzelne Domains.</translation>
        </message>
        <message>
            <source>Rate limiting</source>
            <translation>Ratenbegrenzung</translation>
        </message>
        <message>
            <source>Protection against floods and password guessing, counted per client IP address. Addresses on the exempt list are never limited.</source>
            <translation>Schutz vor Überflutung und Passwortraten, gezählt pro Client-IP-Adresse. Adressen auf der Ausnahmeliste werden nie begrenzt.</translation>
        </message>
        <message>
            <source>Users and aliases</source>
            <translation>Benutzer und Aliasse</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Warteschlange</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnose</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Open config.json...</source>
            <translation>config.json ö&amp;ffnen …</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>Write config.json (Ctrl+S)</source>
            <translation>config.json schreiben (Strg+S)</translation>
        </message>
        <message>
            <source>Save and &amp;Reload</source>
            <translation>Speichern und &amp;neu laden</translation>
        </message>
        <message>
            <source>Write config.json and tell the daemon to apply it (Ctrl+R)</source>
            <translation>config.json schreiben und den Dienst anweisen, sie zu übernehmen (Strg+R)</translation>
        </message>
        <message>
            <source>Re&amp;vert</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <source>Forget all unsaved changes</source>
            <translation>Alle ungespeicherten Änderungen verwerfen</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Daemon</source>
            <translation>D&amp;ienst</translation>
        </message>
        <message>
            <source>&amp;Reload configuration</source>
            <translation>Konfiguration &amp;neu laden</translation>
        </message>
        <message>
            <source>Connect to &amp;socket...</source>
            <translation>Mit &amp;Socket verbinden …</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Systemvorgabe</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;About postroom-admin</source>
            <translation>&amp;Über postroom-admin</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Über &amp;Qt</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Hauptleiste</translation>
        </message>
        <message>
            <source>%1 does not exist yet: showing the defaults. Save creates it.</source>
            <translation>%1 existiert noch nicht: Die Standardwerte werden angezeigt. Speichern legt die Datei an.</translation>
        </message>
        <message>
            <source>config.json has problems; they are marked on the pages.</source>
            <translation>config.json enthält Fehler; sie sind auf den Seiten markiert.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The daemon is not running&lt;/b&gt; (or not reachable at %1). You can still edit and save config.json; it is used when the daemon starts. This window reconnects by itself.</source>
            <translation>&lt;b&gt;Der Dienst läuft nicht&lt;/b&gt; (oder ist unter %1 nicht erreichbar). Sie können config.json trotzdem bearbeiten und speichern; sie wird beim Start des Dienstes verwendet. Dieses Fenster verbindet sich von selbst neu.</translation>
        </message>
        <message>
            <source>Connected to the daemon</source>
            <translation>Mit dem Dienst verbunden</translation>
        </message>
        <message>
            <source>Daemon not running</source>
            <translation>Dienst läuft nicht</translation>
        </message>
        <message>
            <source>no file</source>
            <translation>keine Datei</translation>
        </message>
        <message>
            <source>%1[*] - Postroom admin</source>
            <translation>%1[*] – Postroom-Verwaltung</translation>
        </message>
        <message>
            <source>This page has invalid values.</source>
            <translation>Diese Seite enthält ungültige Werte.</translation>
        </message>
        <message>
            <source>This page has unsaved changes.</source>
            <translation>Diese Seite enthält ungespeicherte Änderungen.</translation>
        </message>
        <message>
            <source>in use by the daemon</source>
            <translation>vom Dienst verwendet</translation>
        </message>
        <message>
            <source>named in the form</source>
            <translation>im Formular angegeben</translation>
        </message>
        <message>
            <source>self-signed, generated by the daemon</source>
            <translation>selbstsigniert, vom Dienst erzeugt</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>Nichts zu speichern.</translation>
        </message>
        <message>
            <source>Not saved: some values are not valid. Fix the marked fields first:</source>
            <translation>Nicht gespeichert: Einige Werte sind ungültig. Korrigieren Sie zuerst die markierten Felder:</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Nicht gespeichert: %1</translation>
        </message>
        <message>
            <source>Some changes need a restart of the daemon.</source>
            <translation>Einige Änderungen erfordern einen Neustart des Dienstes.</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>%1 gespeichert.</translation>
        </message>
        <message>
            <source>Saved. The daemon is not running; it uses the new settings when it starts.</source>
            <translation>Gespeichert. Der Dienst läuft nicht; er verwendet die neuen Einstellungen beim Start.</translation>
        </message>
        <message>
            <source>Saved; asking the daemon to reload...</source>
            <translation>Gespeichert; der Dienst wird zum Neuladen aufgefordert …</translation>
        </message>
        <message>
            <source>Cannot reload: the daemon is not running.</source>
            <translation>Neuladen nicht möglich: Der Dienst läuft nicht.</translation>
        </message>
        <message>
            <source>The daemon reloaded the configuration.</source>
            <translation>Der Dienst hat die Konfiguration neu geladen.</translation>
        </message>
        <message>
            <source>The daemon refused the new configuration and keeps running with the previous one. The problems are marked next to the fields:</source>
            <translation>Der Dienst hat die neue Konfiguration abgelehnt und läuft mit der bisherigen weiter. Die Probleme sind neben den Feldern markiert:</translation>
        </message>
        <message>
            <source>Reload failed: %1</source>
            <translation>Neuladen fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>All unsaved changes were discarded.</source>
            <translation>Alle ungespeicherten Änderungen wurden verworfen.</translation>
        </message>
        <message>
            <source>Control socket</source>
            <translation>Steuer-Socket</translation>
        </message>
        <message>
            <source>Path of the daemon's control socket (empty: the one from config.json):</source>
            <translation>Pfad des Steuer-Sockets des Dienstes (leer: der aus config.json):</translation>
        </message>
        <message>
            <source>Open config.json</source>
            <translation>config.json öffnen</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Discard changes?</source>
            <translation>Änderungen verwerfen?</translation>
        </message>
        <message>
            <source>The current config has unsaved changes. Discard them and open the other file?</source>
            <translation>Die aktuelle Konfiguration hat ungespeicherte Änderungen. Verwerfen und die andere Datei öffnen?</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Öffnen nicht möglich</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>The new language is used the next time postroom-admin starts.</source>
            <translation>Die neue Sprache wird beim nächsten Start von postroom-admin verwendet.</translation>
        </message>
        <message>
            <source>About postroom-admin</source>
            <translation>Über postroom-admin</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Postroom admin %1&lt;/h3&gt;&lt;p&gt;The administration program for the Postroom mail server: settings, users, queue, log and live statistics.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Postroom-Verwaltung %1&lt;/h3&gt;&lt;p&gt;Das Verwaltungsprogramm für den Mailserver Postroom: Einstellungen, Benutzer, Warteschlange, Protokoll und Live-Statistiken.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Ungespeicherte Änderungen</translation>
        </message>
        <message>
            <source>Save the changes to config.json before closing?</source>
            <translation>Änderungen an config.json vor dem Schließen speichern?</translation>
        </message>
        <message>
            <source>Cannot write %1</source>
            <translation>%1 kann nicht geschrieben werden</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>New password for %1</source>
            <translation>Neues Passwort für %1</translation>
        </message>
        <message>
            <source>Set password</source>
            <translation>Passwort setzen</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;Neues Passwort:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>Passwort &amp;wiederholen:</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>Das Passwort muss mindestens %1 Zeichen lang sein.</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Die beiden Passwörter stimmen nicht überein.</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Cannot open the configuration</source>
            <translation>Die Konfiguration kann nicht geöffnet werden</translation>
        </message>
    </context>
    <context>
        <name>QueuePage</name>
        <message>
            <source>Delivery queue</source>
            <translation>Zustellwarteschlange</translation>
        </message>
        <message>
            <source>&amp;Retry now</source>
            <translation>&amp;Jetzt erneut versuchen</translation>
        </message>
        <message>
            <source>Try to deliver the selected message again now.</source>
            <translation>Die ausgewählte Nachricht jetzt erneut zustellen.</translation>
        </message>
        <message>
            <source>Remove...</source>
            <translation>Entfernen …</translation>
        </message>
        <message>
            <source>Delete the selected message from the queue without delivering it.</source>
            <translation>Die ausgewählte Nachricht ohne Zustellung aus der Warteschlange löschen.</translation>
        </message>
        <message>
            <source>&amp;Flush queue</source>
            <translation>Warteschlange &amp;abarbeiten</translation>
        </message>
        <message>
            <source>Try to deliver every waiting message now, without waiting for its next attempt time.</source>
            <translation>Alle wartenden Nachrichten jetzt zustellen, ohne den nächsten geplanten Versuch abzuwarten.</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Empfänger</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Eingegangen</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Next attempt</source>
            <translation>Nächster Versuch</translation>
        </message>
        <message>
            <source>Select a message to see each recipient's state and last error.</source>
            <translation>Wählen Sie eine Nachricht, um Zustand und letzten Fehler jedes Empfängers zu sehen.</translation>
        </message>
        <message>
            <source>The daemon is not running: the queue can only be shown while it runs.</source>
            <translation>Der Dienst läuft nicht: Die Warteschlange lässt sich nur bei laufendem Dienst anzeigen.</translation>
        </message>
        <message>
            <source>Queue: %1</source>
            <translation>Warteschlange: %1</translation>
        </message>
        <message>
            <source>%1 queued</source>
            <translation>%1 wartend</translation>
        </message>
        <message>
            <source>%1 deferred</source>
            <translation>%1 zurückgestellt</translation>
        </message>
        <message>
            <source>%1 delivered</source>
            <translation>%1 zugestellt</translation>
        </message>
        <message>
            <source>%1 bounced</source>
            <translation>%1 zurückgewiesen</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) in the queue</source>
            <translation>
                <numerusform>%n Nachricht in der Warteschlange</numerusform>
                <numerusform>%n Nachrichten in der Warteschlange</numerusform>
            </translation>
        </message>
        <message>
            <source>Message %1</source>
            <translation>Nachricht %1</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Von:</translation>
        </message>
        <message>
            <source>Arrived:</source>
            <translation>Eingegangen:</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Empfänger</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Versuche</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Letzter Fehler</translation>
        </message>
        <message>
            <source>Message %1 will be retried now.</source>
            <translation>Nachricht %1 wird jetzt erneut zugestellt.</translation>
        </message>
        <message>
            <source>Remove message</source>
            <translation>Nachricht entfernen</translation>
        </message>
        <message>
            <source>Remove message %1 from the queue? It will not be delivered and the sender is not told.</source>
            <translation>Nachricht %1 aus der Warteschlange entfernen? Sie wird nicht zugestellt, und der Absender erfährt es nicht.</translation>
        </message>
        <message>
            <source>Message %1 removed.</source>
            <translation>Nachricht %1 entfernt.</translation>
        </message>
        <message>
            <source>Delivery of every waiting message was started.</source>
            <translation>Die Zustellung aller wartenden Nachrichten wurde gestartet.</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Warteschlange</translation>
        </message>
    </context>
    <context>
        <name>RouteEditor</name>
        <message>
            <source>Destination domain</source>
            <translation>Zieldomain</translation>
        </message>
        <message>
            <source>Deliver to (host:port)</source>
            <translation>Zustellen an (host:port)</translation>
        </message>
        <message>
            <source>Add route</source>
            <translation>Route hinzufügen</translation>
        </message>
        <message>
            <source>Remove route</source>
            <translation>Route entfernen</translation>
        </message>
    </context>
    <context>
        <name>SavePreviewDialog</name>
        <message>
            <source>Save and reload</source>
            <translation>Speichern und neu laden</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>Änderungen speichern</translation>
        </message>
        <message>
            <source>These settings will be written to config.json:</source>
            <translation>Diese Einstellungen werden in config.json geschrieben:</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Einstellung</translation>
        </message>
        <message>
            <source>Saved value</source>
            <translation>Gespeicherter Wert</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>Neuer Wert</translation>
        </message>
        <message>
            <source>Takes effect</source>
            <translation>Wirksam</translation>
        </message>
        <message>
            <source>after a restart</source>
            <translation>nach einem Neustart</translation>
        </message>
        <message>
            <source>now (reload)</source>
            <translation>sofort (Neuladen)</translation>
        </message>
        <message>
            <source>on the next reload</source>
            <translation>beim nächsten Neuladen</translation>
        </message>
        <message>
            <source>Some changes take effect only when the daemon is restarted.</source>
            <translation>Einige Änderungen werden erst nach einem Neustart des Dienstes wirksam.</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(nicht gesetzt)</translation>
        </message>
        <message numerus="yes">
            <source>(hidden, %n character(s))</source>
            <translation>
                <numerusform>(verborgen, %n Zeichen)</numerusform>
                <numerusform>(verborgen, %n Zeichen)</numerusform>
            </translation>
        </message>
        <message>
            <source>(empty list)</source>
            <translation>(leere Liste)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <source>on</source>
            <translation>ein</translation>
        </message>
        <message>
            <source>off</source>
            <translation>aus</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Users and aliases</source>
            <translation>Benutzer und Aliasse</translation>
        </message>
        <message>
            <source>Search users by address or name</source>
            <translation>Benutzer nach Adresse oder Name suchen</translation>
        </message>
        <message>
            <source>&amp;Add user...</source>
            <translation>Benutzer &amp;anlegen …</translation>
        </message>
        <message>
            <source>Remove...</source>
            <translation>Entfernen …</translation>
        </message>
        <message>
            <source>Reset password...</source>
            <translation>Passwort zurücksetzen …</translation>
        </message>
        <message>
            <source>Set quota...</source>
            <translation>Kontingent festlegen …</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>Deaktivieren</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Quota</source>
            <translation>Kontingent</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>Belegt</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Select a user to see their folders.</source>
            <translation>Wählen Sie einen Benutzer, um seine Ordner zu sehen.</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Nachrichten</translation>
        </message>
        <message>
            <source>Unread</source>
            <translation>Ungelesen</translation>
        </message>
        <message>
            <source>Folders</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation>Aliasse</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Delivers to</source>
            <translation>Stellt zu an</translation>
        </message>
        <message>
            <source>Add alias...</source>
            <translation>Alias hinzufügen …</translation>
        </message>
        <message>
            <source>Remove alias</source>
            <translation>Alias entfernen</translation>
        </message>
        <message>
            <source>The daemon is not running: users and aliases can only be managed while it runs.</source>
            <translation>Der Dienst läuft nicht: Benutzer und Aliasse lassen sich nur bei laufendem Dienst verwalten.</translation>
        </message>
        <message>
            <source>Users: %1</source>
            <translation>Benutzer: %1</translation>
        </message>
        <message>
            <source>%1 GiB</source>
            <translation>%1 GiB</translation>
        </message>
        <message>
            <source>%1 MiB</source>
            <translation>%1 MiB</translation>
        </message>
        <message>
            <source>%1 KiB</source>
            <translation>%1 KiB</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Unbegrenzt</translation>
        </message>
        <message>
            <source>enabled</source>
            <translation>aktiv</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>deaktiviert</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>Aktivieren</translation>
        </message>
        <message>
            <source>User %1 added.</source>
            <translation>Benutzer %1 angelegt.</translation>
        </message>
        <message>
            <source>Remove user</source>
            <translation>Benutzer entfernen</translation>
        </message>
        <message>
            <source>Remove %1? The user can no longer log in or receive mail.</source>
            <translation>%1 entfernen? Der Benutzer kann sich dann nicht mehr anmelden und keine Mails mehr empfangen.</translation>
        </message>
        <message>
            <source>Also delete all of this user's mail</source>
            <translation>Auch alle Mails dieses Benutzers löschen</translation>
        </message>
        <message>
            <source>User %1 removed.</source>
            <translation>Benutzer %1 entfernt.</translation>
        </message>
        <message>
            <source>Password of %1 changed.</source>
            <translation>Passwort von %1 geändert.</translation>
        </message>
        <message>
            <source>Set quota</source>
            <translation>Kontingent festlegen</translation>
        </message>
        <message>
            <source>Quota of %1 in MiB (0 means no limit):</source>
            <translation>Kontingent von %1 in MiB (0 bedeutet unbegrenzt):</translation>
        </message>
        <message>
            <source>%1 has no quota now.</source>
            <translation>%1 hat jetzt kein Kontingent mehr.</translation>
        </message>
        <message>
            <source>Quota of %1 set to %2 MiB.</source>
            <translation>Kontingent von %1 auf %2 MiB gesetzt.</translation>
        </message>
        <message>
            <source>%1 is enabled again.</source>
            <translation>%1 ist wieder aktiv.</translation>
        </message>
        <message>
            <source>Add alias</source>
            <translation>Alias hinzufügen</translation>
        </message>
        <message>
            <source>Alias address (e.g. info@example.com):</source>
            <translation>Alias-Adresse (z. B. info@example.com):</translation>
        </message>
        <message>
            <source>"%1" is not a valid mail address: %2</source>
            <translation>„%1“ ist keine gültige E-Mail-Adresse: %2</translation>
        </message>
        <message>
            <source>Deliver mail for %1 to (addresses, separated by commas):</source>
            <translation>Mails an %1 zustellen an (Adressen, durch Kommas getrennt):</translation>
        </message>
        <message>
            <source>An alias needs at least one target address.</source>
            <translation>Ein Alias braucht mindestens eine Zieladresse.</translation>
        </message>
        <message>
            <source>Alias %1 added.</source>
            <translation>Alias %1 hinzugefügt.</translation>
        </message>
        <message>
            <source>Remove the alias %1?</source>
            <translation>Alias %1 entfernen?</translation>
        </message>
        <message>
            <source>Alias %1 removed.</source>
            <translation>Alias %1 entfernt.</translation>
        </message>
        <message>
            <source>%1 is disabled and can no longer log in.</source>
            <translation>%1 ist deaktiviert und kann sich nicht mehr anmelden.</translation>
        </message>
    </context>
</TS>
