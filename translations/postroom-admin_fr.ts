<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Add user</source>
            <translation>Ajouter un utilisateur</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>nom@example.com</translation>
        </message>
        <message>
            <source>name@%1</source>
            <translation>nom@%1</translation>
        </message>
        <message>
            <source>Optional, e.g. Anna Schmidt</source>
            <translation>Facultatif, p. ex. Anne Martin</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> Mio</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Illimité</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Adresse :</translation>
        </message>
        <message>
            <source>&amp;Display name:</source>
            <translation>&amp;Nom affiché :</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Répéter le mot de passe :</translation>
        </message>
        <message>
            <source>&amp;Quota:</source>
            <translation>&amp;Quota :</translation>
        </message>
        <message>
            <source>Enter the user's mail address.</source>
            <translation>Saisissez l'adresse e-mail de l'utilisateur.</translation>
        </message>
        <message>
            <source>"%1" is not a valid mail address: %2</source>
            <translation>« %1 » n'est pas une adresse e-mail valide : %2</translation>
        </message>
        <message>
            <source>%1 is not one of this server's mail domains (%2). Add the domain on the General page first.</source>
            <translation>%1 n'est pas un domaine de messagerie de ce serveur (%2). Ajoutez d'abord le domaine dans la page « Général ».</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>Le mot de passe doit comporter au moins %1 caractères.</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Les deux mots de passe sont différents.</translation>
        </message>
    </context>
    <context>
        <name>CertificateView</name>
        <message>
            <source>Certificate</source>
            <translation>Certificat</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Fichier :</translation>
        </message>
        <message>
            <source>Subject:</source>
            <translation>Sujet :</translation>
        </message>
        <message>
            <source>Names (SAN):</source>
            <translation>Noms (SAN) :</translation>
        </message>
        <message>
            <source>Issuer:</source>
            <translation>Émetteur :</translation>
        </message>
        <message>
            <source>Valid:</source>
            <translation>Validité :</translation>
        </message>
        <message>
            <source>Self-signed:</source>
            <translation>Auto-signé :</translation>
        </message>
        <message>
            <source>SHA-256:</source>
            <translation>SHA-256 :</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <source>The file does not exist (yet). The daemon generates a self-signed certificate there when it starts, unless you name your own files above.</source>
            <translation>Le fichier n'existe pas (encore). Le service y génère un certificat auto-signé au démarrage, sauf si vous indiquez vos propres fichiers ci-dessus.</translation>
        </message>
        <message>
            <source>&lt;span style="color:#c0392b"&gt;Not a readable PEM certificate.&lt;/span&gt;</source>
            <translation>&lt;span style="color:#c0392b"&gt;Ce n'est pas un certificat PEM lisible.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>IP %1</source>
            <translation>IP %1</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>du %1 au %2</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>expiré</translation>
        </message>
        <message>
            <source>not valid yet</source>
            <translation>pas encore valide</translation>
        </message>
        <message numerus="yes">
            <source>expires in %n day(s)</source>
            <translation>
                <numerusform>expire dans %n jour</numerusform>
                <numerusform>expire dans %n jours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>encore %n jour</numerusform>
                <numerusform>encore %n jours</numerusform>
            </translation>
        </message>
        <message>
            <source>Yes: mail programs will warn about it unless the admin trusts it. Fine for testing and internal use; use a CA-signed certificate in production.</source>
            <translation>Oui : les logiciels de messagerie afficheront un avertissement tant qu'il n'est pas approuvé. Convient aux tests et à un usage interne ; en production, utilisez un certificat signé par une autorité de certification.</translation>
        </message>
        <message>
            <source>No (issued by a certificate authority)</source>
            <translation>Non (émis par une autorité de certification)</translation>
        </message>
    </context>
    <context>
        <name>ConfigField</name>
        <message>
            <source>Undo this change</source>
            <translation>Annuler cette modification</translation>
        </message>
        <message>
            <source>needs restart</source>
            <translation>redémarrage requis</translation>
        </message>
        <message>
            <source>The daemon applies this setting only when it is restarted, not on reload.</source>
            <translation>Le service n'applique ce réglage qu'après un redémarrage, pas lors d'un rechargement.</translation>
        </message>
        <message>
            <source> bytes</source>
            <translation> octets</translation>
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
            <translation>« %1 » n'est pas un nom de domaine comme example.com.</translation>
        </message>
        <message>
            <source>192.0.2.10 or 10.0.0.0/8</source>
            <translation>192.0.2.10 ou 10.0.0.0/8</translation>
        </message>
        <message>
            <source>"%1" is not an IP address or CIDR range such as 10.0.0.0/8.</source>
            <translation>« %1 » n'est ni une adresse IP ni une plage CIDR comme 10.0.0.0/8.</translation>
        </message>
        <message>
            <source>0.0.0.0 (all IPv4), :: (all), 127.0.0.1</source>
            <translation>0.0.0.0 (tout IPv4), :: (tout), 127.0.0.1</translation>
        </message>
        <message>
            <source>mail.example.com</source>
            <translation>mail.example.com</translation>
        </message>
        <message>
            <source>Empty: deliver directly (host:port to use a smarthost)</source>
            <translation>Vide : livraison directe (hôte:port pour un smarthost)</translation>
        </message>
        <message>
            <source>Empty: generated by the daemon and kept in the mail folder</source>
            <translation>Vide : généré par le service et conservé dans le dossier de messagerie</translation>
        </message>
        <message>
            <source>Empty: self-signed certificate in the mail folder</source>
            <translation>Vide : certificat auto-signé dans le dossier de messagerie</translation>
        </message>
        <message>
            <source>Empty: not set</source>
            <translation>Vide : non défini</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Afficher</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Masquer</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>Générer</translation>
        </message>
        <message>
            <source>Create a new random 256-bit secret. Tokens signed with the old one stop working.</source>
            <translation>Créer un nouveau secret aléatoire de 256 bits. Les jetons signés avec l'ancien cessent de fonctionner.</translation>
        </message>
        <message>
            <source>Browse...</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
            <translation>Fichiers PEM (*.pem *.crt *.key);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>%1 GiB</source>
            <translation>%1 Gio</translation>
        </message>
        <message>
            <source>%1 MiB</source>
            <translation>%1 Mio</translation>
        </message>
        <message>
            <source>%1 KiB</source>
            <translation>%1 Kio</translation>
        </message>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n octet</numerusform>
                <numerusform>%n octets</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 jours</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 h</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
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
            <translation>Impossible de lire %1 : %2</translation>
        </message>
        <message>
            <source>%1 is not a valid JSON object: %2</source>
            <translation>%1 n'est pas un objet JSON valide : %2</translation>
        </message>
        <message>
            <source>The configuration is not valid:
%1</source>
            <translation>La configuration n'est pas valide :
%1</translation>
        </message>
        <message>
            <source>No file name to save to.</source>
            <translation>Aucun nom de fichier pour l'enregistrement.</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Impossible d'écrire %1 : %2</translation>
        </message>
    </context>
    <context>
        <name>ConfigPage</name>
        <message>
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
    </context>
    <context>
        <name>ConfigSchema</name>
        <message>
            <source>Server FQDN, used in SMTP banners, the TLS certificate and autoconfig responses.</source>
            <translation>Nom complet du serveur (FQDN), utilisé dans les bannières SMTP, le certificat TLS et les réponses d'autoconfiguration.</translation>
        </message>
        <message>
            <source>Root directory for all user data, the queue and TLS certificates (relative to config.json's folder).</source>
            <translation>Répertoire racine de toutes les données des utilisateurs, de la file d'attente et des certificats TLS (relatif au dossier de config.json).</translation>
        </message>
        <message>
            <source>Accepted mail domains (case-insensitive).</source>
            <translation>Domaines de messagerie acceptés (insensible à la casse).</translation>
        </message>
        <message>
            <source>Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL (case-insensitive; WARN means WARNING).</source>
            <translation>Niveau de journalisation : DEBUG, INFO, WARNING, ERROR ou CRITICAL (insensible à la casse ; WARN équivaut à WARNING).</translation>
        </message>
        <message>
            <source>Path of the local control socket used by postroom-admin and the postroomd commands; null means {mail_root}/control.sock.</source>
            <translation>Chemin du socket de contrôle local utilisé par postroom-admin et les commandes postroomd ; vide signifie {mail_root}/control.sock.</translation>
        </message>
        <message>
            <source>When started as root: the user to switch to after binding the ports; null keeps running as the starting user.</source>
            <translation>En cas de démarrage en root : l'utilisateur vers lequel basculer après l'ouverture des ports ; vide conserve l'utilisateur de démarrage.</translation>
        </message>
        <message>
            <source>Bind address for all SMTP listeners.</source>
            <translation>Adresse d'écoute de tous les ports SMTP.</translation>
        </message>
        <message>
            <source>SMTP port for inbound mail to our domains (no AUTH, never relays).</source>
            <translation>Port SMTP pour le courrier entrant vers nos domaines (sans authentification, jamais de relais).</translation>
        </message>
        <message>
            <source>Authenticated submission port (STARTTLS required for AUTH when TLS is configured).</source>
            <translation>Port de soumission authentifiée (STARTTLS requis pour l'authentification lorsque TLS est configuré).</translation>
        </message>
        <message>
            <source>Implicit TLS SMTP port (active when TLS is configured).</source>
            <translation>Port SMTP en TLS implicite (actif lorsque TLS est configuré).</translation>
        </message>
        <message>
            <source>Maximum message size in bytes, announced with the SIZE extension.</source>
            <translation>Taille maximale d'un message en octets, annoncée par l'extension SIZE.</translation>
        </message>
        <message>
            <source>Maximum RCPT TO recipients per message; the excess gets 452.</source>
            <translation>Nombre maximal de destinataires (RCPT TO) par message ; les suivants reçoivent 452.</translation>
        </message>
        <message>
            <source>Maximum simultaneous SMTP connections over all SMTP ports.</source>
            <translation>Nombre maximal de connexions SMTP simultanées sur tous les ports SMTP.</translation>
        </message>
        <message>
            <source>Maximum messages per SMTP session before the server closes it.</source>
            <translation>Nombre maximal de messages par session SMTP avant que le serveur ne la ferme.</translation>
        </message>
        <message>
            <source>Bind address for IMAP listeners.</source>
            <translation>Adresse d'écoute des ports IMAP.</translation>
        </message>
        <message>
            <source>IMAP port (STARTTLS available when TLS is configured).</source>
            <translation>Port IMAP (STARTTLS disponible lorsque TLS est configuré).</translation>
        </message>
        <message>
            <source>IMAPS implicit TLS port (active when TLS is configured).</source>
            <translation>Port IMAPS en TLS implicite (actif lorsque TLS est configuré).</translation>
        </message>
        <message>
            <source>Maximum simultaneous IMAP connections.</source>
            <translation>Nombre maximal de connexions IMAP simultanées.</translation>
        </message>
        <message>
            <source>Bind address for the HTTP API listeners.</source>
            <translation>Adresse d'écoute de l'API HTTP.</translation>
        </message>
        <message>
            <source>HTTP API port.</source>
            <translation>Port de l'API HTTP.</translation>
        </message>
        <message>
            <source>HTTPS API port (active when TLS is configured).</source>
            <translation>Port de l'API HTTPS (actif lorsque TLS est configuré).</translation>
        </message>
        <message>
            <source>HMAC-SHA256 key for signing API tokens (at least 16 characters); null generates a random one kept in {mail_root}. Set it explicitly when several processes must accept the same tokens.</source>
            <translation>Clé HMAC-SHA256 de signature des jetons de l'API (au moins 16 caractères) ; vide en génère une aléatoire conservée dans {mail_root}. À définir explicitement si plusieurs processus doivent accepter les mêmes jetons.</translation>
        </message>
        <message>
            <source>Number of concurrent delivery workers.</source>
            <translation>Nombre de processus de livraison simultanés.</translation>
        </message>
        <message>
            <source>Smarthost as "host:port" that receives all outgoing mail (for providers that block port 25); null delivers directly by MX.</source>
            <translation>Smarthost sous la forme « hôte:port » qui reçoit tout le courrier sortant (pour les fournisseurs qui bloquent le port 25) ; vide livre directement via MX.</translation>
        </message>
        <message>
            <source>How to secure the smarthost connection: starttls, tls or none.</source>
            <translation>Sécurisation de la connexion au smarthost : starttls, tls ou none.</translation>
        </message>
        <message>
            <source>User name for AUTH at the smarthost; null sends without AUTH.</source>
            <translation>Nom d'utilisateur pour l'authentification auprès du smarthost ; vide envoie sans authentification.</translation>
        </message>
        <message>
            <source>Password for AUTH at the smarthost.</source>
            <translation>Mot de passe pour l'authentification auprès du smarthost.</translation>
        </message>
        <message>
            <source>Static routes: destination domain -&gt; "host:port", used instead of the MX lookup.</source>
            <translation>Routes statiques : domaine de destination -&gt; « hôte:port », utilisées à la place de la recherche MX.</translation>
        </message>
        <message>
            <source>Seconds a message may wait in the queue before it is bounced (default 5 days).</source>
            <translation>Durée en secondes pendant laquelle un message peut attendre dans la file avant d'être renvoyé à l'expéditeur (5 jours par défaut).</translation>
        </message>
        <message>
            <source>PEM certificate (chain). Null: a self-signed certificate is generated in {mail_root}/tls/cert.pem.</source>
            <translation>Certificat PEM (chaîne). Vide : un certificat auto-signé est généré dans {mail_root}/tls/cert.pem.</translation>
        </message>
        <message>
            <source>PEM private key. Null: generated alongside the self-signed certificate.</source>
            <translation>Clé privée PEM. Vide : générée avec le certificat auto-signé.</translation>
        </message>
        <message>
            <source>Enable or disable rate limiting globally.</source>
            <translation>Activer ou désactiver globalement la limitation de débit.</translation>
        </message>
        <message>
            <source>Maximum connections per IP within connection_period.</source>
            <translation>Nombre maximal de connexions par IP dans la fenêtre de connexion.</translation>
        </message>
        <message>
            <source>Period in seconds for the connection rate window.</source>
            <translation>Durée en secondes de la fenêtre de connexion.</translation>
        </message>
        <message>
            <source>Maximum messages per IP within message_period.</source>
            <translation>Nombre maximal de messages par IP dans la fenêtre de messages.</translation>
        </message>
        <message>
            <source>Period in seconds for the message rate window.</source>
            <translation>Durée en secondes de la fenêtre de messages.</translation>
        </message>
        <message>
            <source>Maximum recipients per IP within recipient_period.</source>
            <translation>Nombre maximal de destinataires par IP dans la fenêtre de destinataires.</translation>
        </message>
        <message>
            <source>Period in seconds for the recipient rate window.</source>
            <translation>Durée en secondes de la fenêtre de destinataires.</translation>
        </message>
        <message>
            <source>Authentication failures before the IP is locked out.</source>
            <translation>Échecs d'authentification avant le blocage de l'IP.</translation>
        </message>
        <message>
            <source>Lockout duration in seconds after the failure limit is reached.</source>
            <translation>Durée du blocage en secondes une fois la limite d'échecs atteinte.</translation>
        </message>
        <message>
            <source>Maximum simultaneous connections from one IP (SMTP, IMAP and API).</source>
            <translation>Nombre maximal de connexions simultanées depuis une IP (SMTP, IMAP et API).</translation>
        </message>
        <message>
            <source>IP addresses or CIDR ranges exempt from all rate limiting. Keep 127.0.0.1 here for diagnostics and tests.</source>
            <translation>Adresses IP ou plages CIDR exemptées de toute limitation de débit. Gardez 127.0.0.1 ici pour les diagnostics et les tests.</translation>
        </message>
        <message>
            <source>Maximum number of IPs tracked in memory (least recently seen dropped first).</source>
            <translation>Nombre maximal d'IP suivies en mémoire (les moins récemment vues sont supprimées en premier).</translation>
        </message>
        <message>
            <source>Seconds between clean-ups of stale IP records.</source>
            <translation>Secondes entre deux nettoyages des entrées IP périmées.</translation>
        </message>
        <message>
            <source>Seconds a client has to send one complete command line (RFC 5321 4.5.3.2.7 asks for at least 300). A client that trickles a command slower is closed with 421 4.4.2.</source>
            <translation>Secondes dont dispose un client pour envoyer une ligne de commande complète (la RFC 5321 4.5.3.2.7 demande au moins 300). Un client qui envoie une commande plus lentement est déconnecté avec 421 4.4.2.</translation>
        </message>
        <message>
            <source>Seconds the server waits for more message data during DATA or BDAT (RFC 5321 4.5.3.2.5 asks for at least 180); then 421 4.4.2.</source>
            <translation>Secondes pendant lesquelles le serveur attend la suite du message pendant DATA ou BDAT (la RFC 5321 4.5.3.2.5 demande au moins 180) ; ensuite 421 4.4.2.</translation>
        </message>
        <message>
            <source>Seconds an IMAP client may go without sending a complete command, IDLE included, before the server says BYE Autologout (RFC 3501 5.4 asks for at least 1800). Before login at most 300.</source>
            <translation>Secondes pendant lesquelles un client IMAP peut rester sans envoyer de commande complète, IDLE compris, avant que le serveur réponde BYE Autologout (la RFC 3501 5.4 demande au moins 1800). Avant la connexion, 300 au plus.</translation>
        </message>
        <message>
            <source>Seconds an HTTP API connection may stay silent before it is closed; a request head must also arrive complete within this time (and within 30).</source>
            <translation>Secondes pendant lesquelles une connexion à l'API HTTP peut rester silencieuse avant d'être fermée ; l'en-tête d'une requête doit aussi arriver complet dans ce délai (et en moins de 30).</translation>
        </message>
    </context>
    <context>
        <name>DaemonClient</name>
        <message>
            <source>The connection to the daemon was closed.</source>
            <translation>La connexion au service a été fermée.</translation>
        </message>
        <message>
            <source>no control socket at this path</source>
            <translation>aucun socket de contrôle à cet emplacement</translation>
        </message>
        <message>
            <source>connection refused (the daemon is not running)</source>
            <translation>connexion refusée (le service n'est pas démarré)</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>permission refusée</translation>
        </message>
        <message>
            <source>The daemon is not running or not reachable.</source>
            <translation>Le service n'est pas démarré ou n'est pas joignable.</translation>
        </message>
        <message>
            <source>The daemon did not answer in time.</source>
            <translation>Le service n'a pas répondu à temps.</translation>
        </message>
        <message>
            <source>Not supported by this daemon version.</source>
            <translation>Non pris en charge par cette version du service.</translation>
        </message>
        <message>
            <source>The daemon reported an error (%1).</source>
            <translation>Le service a signalé une erreur (%1).</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Serveur</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>État :</translation>
        </message>
        <message>
            <source>Running for:</source>
            <translation>En marche depuis :</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version :</translation>
        </message>
        <message>
            <source>Host name:</source>
            <translation>Nom d'hôte :</translation>
        </message>
        <message>
            <source>Config file:</source>
            <translation>Fichier de configuration :</translation>
        </message>
        <message>
            <source>TLS:</source>
            <translation>TLS :</translation>
        </message>
        <message>
            <source>Since start:</source>
            <translation>Depuis le démarrage :</translation>
        </message>
        <message>
            <source>Listeners</source>
            <translation>Ports d'écoute</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Service</translation>
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
            <translation>État</translation>
        </message>
        <message>
            <source>Open connections</source>
            <translation>Connexions ouvertes</translation>
        </message>
        <message>
            <source>Messages per minute</source>
            <translation>Messages par minute</translation>
        </message>
        <message>
            <source>Queue length</source>
            <translation>Longueur de la file</translation>
        </message>
        <message>
            <source>Refusals per minute</source>
            <translation>Refus par minute</translation>
        </message>
        <message>
            <source>Traffic</source>
            <translation>Trafic</translation>
        </message>
        <message>
            <source> KiB/s</source>
            <translation> Kio/s</translation>
        </message>
        <message>
            <source>Not supported by this daemon version.</source>
            <translation>Non pris en charge par cette version du service.</translation>
        </message>
        <message>
            <source>Running (process %1)</source>
            <translation>En marche (processus %1)</translation>
        </message>
        <message>
            <source>Enabled (%1)</source>
            <translation>Activé (%1)</translation>
        </message>
        <message>
            <source>Not configured</source>
            <translation>Non configuré</translation>
        </message>
        <message>
            <source>implicit TLS</source>
            <translation>TLS implicite</translation>
        </message>
        <message>
            <source>STARTTLS</source>
            <translation>STARTTLS</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucun</translation>
        </message>
        <message>
            <source>listening</source>
            <translation>à l'écoute</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>échec</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>désactivé</translation>
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
            <translation>reçus</translation>
        </message>
        <message>
            <source>delivered</source>
            <translation>livrés</translation>
        </message>
        <message>
            <source>bounced</source>
            <translation>rejetés</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>en attente</translation>
        </message>
        <message>
            <source>rate limit</source>
            <translation>limitation</translation>
        </message>
        <message>
            <source>failed logins</source>
            <translation>connexions échouées</translation>
        </message>
        <message>
            <source>in</source>
            <translation>entrant</translation>
        </message>
        <message>
            <source>out</source>
            <translation>sortant</translation>
        </message>
        <message>
            <source>%1 received, %2 delivered, %3 deferred, %4 bounced; %5 failed logins, %6 rate-limit refusals</source>
            <translation>%1 reçus, %2 livrés, %3 différés, %4 rejetés ; %5 connexions échouées, %6 refus par limitation de débit</translation>
        </message>
        <message>
            <source>Not running (or not reachable)</source>
            <translation>Arrêté (ou injoignable)</translation>
        </message>
        <message>
            <source>No connection to the daemon</source>
            <translation>Pas de connexion au service</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n jour</numerusform>
                <numerusform>%n jours</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1 min %2 s</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsPage</name>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnostic</translation>
        </message>
        <message>
            <source>Checks the running server from this computer the way mail programs and other servers see it: every listener, encryption and the certificate, logins, a test message from submission to a mailbox (read back over IMAP and the API) and automatic setup. A throwaway account is created for the test and removed afterwards.</source>
            <translation>Vérifie le serveur en marche depuis cet ordinateur, tel que le voient les logiciels de messagerie et les autres serveurs : chaque port d'écoute, le chiffrement et le certificat, les connexions, un message de test de la soumission jusqu'à une boîte aux lettres (relu par IMAP et par l'API) et la configuration automatique. Un compte jetable est créé pour le test puis supprimé.</translation>
        </message>
        <message>
            <source>Check &amp;DNS too</source>
            <translation>Vérifier aussi le &amp;DNS</translation>
        </message>
        <message>
            <source>Also look up the MX, SPF and DMARC records of each domain and the reverse DNS of the server's address. Needs internet access; without it these checks are warnings.</source>
            <translation>Interroge aussi les enregistrements MX, SPF et DMARC de chaque domaine et le DNS inverse de l'adresse du serveur. Nécessite un accès à Internet ; sans lui, ces vérifications sont des avertissements.</translation>
        </message>
        <message>
            <source>&amp;Run diagnostics</source>
            <translation>&amp;Lancer le diagnostic</translation>
        </message>
        <message>
            <source>Run every check now. This takes a few seconds, longer with DNS.</source>
            <translation>Lancer toutes les vérifications maintenant. Cela prend quelques secondes, davantage avec le DNS.</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Vérification</translation>
        </message>
        <message>
            <source>What was found</source>
            <translation>Constat</translation>
        </message>
        <message>
            <source>How to fix it</source>
            <translation>Comment corriger</translation>
        </message>
        <message>
            <source>Not run yet.</source>
            <translation>Pas encore lancé.</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>Réussi</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Avertissement</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>Échec</translation>
        </message>
        <message>
            <source>The daemon is not running. Diagnostics check the running server: start postroomd (for example with "systemctl start postroomd"), then run them. The Run button works again as soon as this window is connected.</source>
            <translation>Le service n'est pas démarré. Le diagnostic vérifie le serveur en marche : démarrez postroomd (par exemple avec « systemctl start postroomd »), puis lancez-le. Le bouton de lancement fonctionne de nouveau dès que cette fenêtre est connectée.</translation>
        </message>
        <message>
            <source>Running the checks, including DNS... this can take a minute.</source>
            <translation>Vérifications en cours, DNS compris… cela peut prendre une minute.</translation>
        </message>
        <message>
            <source>Running the checks... this takes a few seconds.</source>
            <translation>Vérifications en cours… cela prend quelques secondes.</translation>
        </message>
        <message>
            <source>Diagnostics could not run: %1</source>
            <translation>Le diagnostic n'a pas pu s'exécuter : %1</translation>
        </message>
        <message>
            <source>No result.</source>
            <translation>Aucun résultat.</translation>
        </message>
        <message>
            <source>Something does not work: fix the failed checks first.</source>
            <translation>Quelque chose ne fonctionne pas : corrigez d'abord les vérifications en échec.</translation>
        </message>
        <message>
            <source>Everything works; the warnings are worth a look.</source>
            <translation>Tout fonctionne ; les avertissements méritent un coup d'œil.</translation>
        </message>
        <message>
            <source>Everything works.</source>
            <translation>Tout fonctionne.</translation>
        </message>
        <message numerus="yes">
            <source>%n passed</source>
            <translation>
                <numerusform>%n réussie</numerusform>
                <numerusform>%n réussies</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n avertissement</numerusform>
                <numerusform>%n avertissements</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n en échec</numerusform>
                <numerusform>%n en échec</numerusform>
            </translation>
        </message>
        <message>
            <source>Run at %1, took %2 s.</source>
            <translation>Lancé à %1, durée %2 s.</translation>
        </message>
    </context>
    <context>
        <name>FieldTexts</name>
        <message>
            <source>Host name</source>
            <translation>Nom d'hôte</translation>
        </message>
        <message>
            <source>Mail folder</source>
            <translation>Dossier de messagerie</translation>
        </message>
        <message>
            <source>Mail domains</source>
            <translation>Domaines de messagerie</translation>
        </message>
        <message>
            <source>Log level</source>
            <translation>Niveau de journalisation</translation>
        </message>
        <message>
            <source>Control socket</source>
            <translation>Socket de contrôle</translation>
        </message>
        <message>
            <source>Run as user</source>
            <translation>Exécuter en tant que</translation>
        </message>
        <message>
            <source>Listen address</source>
            <translation>Adresse d'écoute</translation>
        </message>
        <message>
            <source>Inbound port (SMTP)</source>
            <translation>Port entrant (SMTP)</translation>
        </message>
        <message>
            <source>Submission port</source>
            <translation>Port de soumission</translation>
        </message>
        <message>
            <source>Implicit TLS port (SMTPS)</source>
            <translation>Port TLS implicite (SMTPS)</translation>
        </message>
        <message>
            <source>Maximum message size</source>
            <translation>Taille maximale des messages</translation>
        </message>
        <message>
            <source>Maximum recipients per message</source>
            <translation>Destinataires maximum par message</translation>
        </message>
        <message>
            <source>Maximum connections</source>
            <translation>Connexions maximum</translation>
        </message>
        <message>
            <source>Maximum messages per connection</source>
            <translation>Messages maximum par connexion</translation>
        </message>
        <message>
            <source>IMAP port</source>
            <translation>Port IMAP</translation>
        </message>
        <message>
            <source>Implicit TLS port (IMAPS)</source>
            <translation>Port TLS implicite (IMAPS)</translation>
        </message>
        <message>
            <source>HTTP port</source>
            <translation>Port HTTP</translation>
        </message>
        <message>
            <source>HTTPS port</source>
            <translation>Port HTTPS</translation>
        </message>
        <message>
            <source>Token signing secret</source>
            <translation>Secret de signature des jetons</translation>
        </message>
        <message>
            <source>Delivery workers</source>
            <translation>Processus de livraison</translation>
        </message>
        <message>
            <source>Smarthost</source>
            <translation>Smarthost</translation>
        </message>
        <message>
            <source>Smarthost security</source>
            <translation>Sécurité du smarthost</translation>
        </message>
        <message>
            <source>Smarthost user name</source>
            <translation>Utilisateur du smarthost</translation>
        </message>
        <message>
            <source>Smarthost password</source>
            <translation>Mot de passe du smarthost</translation>
        </message>
        <message>
            <source>Static routes</source>
            <translation>Routes statiques</translation>
        </message>
        <message>
            <source>Maximum time in queue</source>
            <translation>Durée maximale dans la file</translation>
        </message>
        <message>
            <source>Certificate file</source>
            <translation>Fichier du certificat</translation>
        </message>
        <message>
            <source>Private key file</source>
            <translation>Fichier de la clé privée</translation>
        </message>
        <message>
            <source>Rate limiting enabled</source>
            <translation>Limitation de débit activée</translation>
        </message>
        <message>
            <source>Connections per IP</source>
            <translation>Connexions par IP</translation>
        </message>
        <message>
            <source>Connection window</source>
            <translation>Fenêtre de connexion</translation>
        </message>
        <message>
            <source>Messages per IP</source>
            <translation>Messages par IP</translation>
        </message>
        <message>
            <source>Message window</source>
            <translation>Fenêtre de messages</translation>
        </message>
        <message>
            <source>Recipients per IP</source>
            <translation>Destinataires par IP</translation>
        </message>
        <message>
            <source>Recipient window</source>
            <translation>Fenêtre de destinataires</translation>
        </message>
        <message>
            <source>Failed logins before lockout</source>
            <translation>Échecs avant blocage</translation>
        </message>
        <message>
            <source>Lockout duration</source>
            <translation>Durée du blocage</translation>
        </message>
        <message>
            <source>Simultaneous connections per IP</source>
            <translation>Connexions simultanées par IP</translation>
        </message>
        <message>
            <source>Exempt addresses</source>
            <translation>Adresses exemptées</translation>
        </message>
        <message>
            <source>Tracked IPs (maximum)</source>
            <translation>IP suivies (maximum)</translation>
        </message>
        <message>
            <source>Clean-up interval</source>
            <translation>Intervalle de nettoyage</translation>
        </message>
        <message>
            <source>Command timeout</source>
            <translation>Délai des commandes</translation>
        </message>
        <message>
            <source>Data timeout</source>
            <translation>Délai des données</translation>
        </message>
        <message>
            <source>Autologout timeout</source>
            <translation>Délai de déconnexion automatique</translation>
        </message>
        <message>
            <source>Idle timeout</source>
            <translation>Délai d'inactivité</translation>
        </message>
    </context>
    <context>
        <name>GraphWidget</name>
        <message>
            <source>Waiting for data...</source>
            <translation>En attente de données…</translation>
        </message>
        <message>
            <source>-%1 min</source>
            <translation>-%1 min</translation>
        </message>
        <message>
            <source>-%1 s</source>
            <translation>-%1 s</translation>
        </message>
        <message>
            <source>now</source>
            <translation>maintenant</translation>
        </message>
    </context>
    <context>
        <name>ListEditor</name>
        <message>
            <source>Add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>%1 is already in the list.</source>
            <translation>%1 figure déjà dans la liste.</translation>
        </message>
    </context>
    <context>
        <name>LogPage</name>
        <message>
            <source>Log</source>
            <translation>Journal</translation>
        </message>
        <message>
            <source>All levels</source>
            <translation>Tous les niveaux</translation>
        </message>
        <message>
            <source>Info and above</source>
            <translation>Info et plus</translation>
        </message>
        <message>
            <source>Warnings and errors</source>
            <translation>Avertissements et erreurs</translation>
        </message>
        <message>
            <source>Errors only</source>
            <translation>Erreurs uniquement</translation>
        </message>
        <message>
            <source>All subsystems</source>
            <translation>Tous les sous-systèmes</translation>
        </message>
        <message>
            <source>Search messages</source>
            <translation>Rechercher dans les messages</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <source>Hold the view still; new records are kept and shown when you resume.</source>
            <translation>Figer l'affichage ; les nouvelles entrées sont conservées et affichées à la reprise.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <source>Level:</source>
            <translation>Niveau :</translation>
        </message>
        <message>
            <source>Subsystem:</source>
            <translation>Sous-système :</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <source>Subsystem</source>
            <translation>Sous-système</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>The daemon is not running; the log continues when it is back.</source>
            <translation>Le service n'est pas démarré ; le journal reprend dès son retour.</translation>
        </message>
        <message>
            <source>Live log: %1</source>
            <translation>Journal en direct : %1</translation>
        </message>
        <message>
            <source>Showing %1 of %2 records.</source>
            <translation>%1 entrées affichées sur %2.</translation>
        </message>
        <message numerus="yes">
            <source>Paused: %n new record(s) held back.</source>
            <translation>
                <numerusform>En pause : %n nouvelle entrée en attente.</numerusform>
                <numerusform>En pause : %n nouvelles entrées en attente.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Choose socket...</source>
            <translation>Choisir le socket…</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Général</translation>
        </message>
        <message>
            <source>The server's name, where it keeps its data, and which mail domains it accepts.</source>
            <translation>Le nom du serveur, l'emplacement de ses données et les domaines de messagerie qu'il accepte.</translation>
        </message>
        <message>
            <source>SMTP</source>
            <translation>SMTP</translation>
        </message>
        <message>
            <source>Receiving mail: port 25 accepts mail for your domains from anyone; the submission ports are for your users' mail programs and require a login.</source>
            <translation>Réception du courrier : le port 25 accepte de n'importe qui le courrier destiné à vos domaines ; les ports de soumission servent aux logiciels de messagerie de vos utilisateurs et exigent une authentification.</translation>
        </message>
        <message>
            <source>IMAP</source>
            <translation>IMAP</translation>
        </message>
        <message>
            <source>Reading mail: where mail programs connect to read the users' folders.</source>
            <translation>Lecture du courrier : là où les logiciels de messagerie se connectent pour lire les dossiers des utilisateurs.</translation>
        </message>
        <message>
            <source>Exchange API</source>
            <translation>API Exchange</translation>
        </message>
        <message>
            <source>The HTTP API used by web and mobile clients, and for automatic account setup.</source>
            <translation>L'API HTTP utilisée par les clients web et mobiles, et pour la configuration automatique des comptes.</translation>
        </message>
        <message>
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <source>Encryption. Leave both files empty to use a self-signed certificate the server generates; for production, name the certificate and key from your certificate authority.</source>
            <translation>Chiffrement. Laissez les deux fichiers vides pour utiliser un certificat auto-signé généré par le serveur ; en production, indiquez le certificat et la clé fournis par votre autorité de certification.</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Livraison</translation>
        </message>
        <message>
            <source>Sending mail on: how many deliveries run at once, an optional smarthost (relay) for all outgoing mail, and static routes for single domains.</source>
            <translation>Envoi du courrier : nombre de livraisons simultanées, smarthost (relais) facultatif pour tout le courrier sortant et routes statiques pour certains domaines.</translation>
        </message>
        <message>
            <source>Rate limiting</source>
            <translation>Limitation de débit</translation>
        </message>
        <message>
            <source>Protection against floods and password guessing, counted per client IP address. Addresses on the exempt list are never limited.</source>
            <translation>Protection contre les inondations et les tentatives de deviner les mots de passe, comptée par adresse IP cliente. Les adresses de la liste d'exemption ne sont jamais limitées.</translation>
        </message>
        <message>
            <source>Users and aliases</source>
            <translation>Utilisateurs et alias</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>File d'attente</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Journal</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnostic</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Open config.json...</source>
            <translation>&amp;Ouvrir config.json…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Write config.json (Ctrl+S)</source>
            <translation>Écrire config.json (Ctrl+S)</translation>
        </message>
        <message>
            <source>Save and &amp;Reload</source>
            <translation>Enregistrer et &amp;recharger</translation>
        </message>
        <message>
            <source>Write config.json and tell the daemon to apply it (Ctrl+R)</source>
            <translation>Écrire config.json et demander au service de l'appliquer (Ctrl+R)</translation>
        </message>
        <message>
            <source>Re&amp;vert</source>
            <translation>A&amp;nnuler les modifications</translation>
        </message>
        <message>
            <source>Forget all unsaved changes</source>
            <translation>Abandonner toutes les modifications non enregistrées</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Daemon</source>
            <translation>&amp;Service</translation>
        </message>
        <message>
            <source>&amp;Reload configuration</source>
            <translation>&amp;Recharger la configuration</translation>
        </message>
        <message>
            <source>Connect to &amp;socket...</source>
            <translation>Se connecter au &amp;socket…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;About postroom-admin</source>
            <translation>&amp;À propos de postroom-admin</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>À propos de &amp;Qt</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Principale</translation>
        </message>
        <message>
            <source>%1 does not exist yet: showing the defaults. Save creates it.</source>
            <translation>%1 n'existe pas encore : les valeurs par défaut sont affichées. L'enregistrement crée le fichier.</translation>
        </message>
        <message>
            <source>config.json has problems; they are marked on the pages.</source>
            <translation>config.json contient des problèmes ; ils sont signalés dans les pages.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The daemon is not running&lt;/b&gt; (or not reachable at %1). You can still edit and save config.json; it is used when the daemon starts. This window reconnects by itself.</source>
            <translation>&lt;b&gt;Le service n'est pas démarré&lt;/b&gt; (ou injoignable à %1). Vous pouvez quand même modifier et enregistrer config.json ; elle sera utilisée au démarrage du service. Cette fenêtre se reconnecte d'elle-même.</translation>
        </message>
        <message>
            <source>Connected to the daemon</source>
            <translation>Connecté au service</translation>
        </message>
        <message>
            <source>Daemon not running</source>
            <translation>Service arrêté</translation>
        </message>
        <message>
            <source>no file</source>
            <translation>aucun fichier</translation>
        </message>
        <message>
            <source>%1[*] - Postroom admin</source>
            <translation>%1[*] – Administration Postroom</translation>
        </message>
        <message>
            <source>This page has invalid values.</source>
            <translation>Cette page contient des valeurs non valides.</translation>
        </message>
        <message>
            <source>This page has unsaved changes.</source>
            <translation>Cette page contient des modifications non enregistrées.</translation>
        </message>
        <message>
            <source>in use by the daemon</source>
            <translation>utilisé par le service</translation>
        </message>
        <message>
            <source>named in the form</source>
            <translation>indiqué dans le formulaire</translation>
        </message>
        <message>
            <source>self-signed, generated by the daemon</source>
            <translation>auto-signé, généré par le service</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>Rien à enregistrer.</translation>
        </message>
        <message>
            <source>Not saved: some values are not valid. Fix the marked fields first:</source>
            <translation>Non enregistré : certaines valeurs ne sont pas valides. Corrigez d'abord les champs signalés :</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Non enregistré : %1</translation>
        </message>
        <message>
            <source>Some changes need a restart of the daemon.</source>
            <translation>Certaines modifications nécessitent un redémarrage du service.</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>%1 enregistré.</translation>
        </message>
        <message>
            <source>Saved. The daemon is not running; it uses the new settings when it starts.</source>
            <translation>Enregistré. Le service n'est pas démarré ; il utilisera les nouveaux réglages à son démarrage.</translation>
        </message>
        <message>
            <source>Saved; asking the daemon to reload...</source>
            <translation>Enregistré ; demande de rechargement au service…</translation>
        </message>
        <message>
            <source>Cannot reload: the daemon is not running.</source>
            <translation>Rechargement impossible : le service n'est pas démarré.</translation>
        </message>
        <message>
            <source>The daemon reloaded the configuration.</source>
            <translation>Le service a rechargé la configuration.</translation>
        </message>
        <message>
            <source>The daemon refused the new configuration and keeps running with the previous one. The problems are marked next to the fields:</source>
            <translation>Le service a refusé la nouvelle configuration et continue avec la précédente. Les problèmes sont signalés à côté des champs :</translation>
        </message>
        <message>
            <source>Reload failed: %1</source>
            <translation>Échec du rechargement : %1</translation>
        </message>
        <message>
            <source>All unsaved changes were discarded.</source>
            <translation>Toutes les modifications non enregistrées ont été abandonnées.</translation>
        </message>
        <message>
            <source>Control socket</source>
            <translation>Socket de contrôle</translation>
        </message>
        <message>
            <source>Path of the daemon's control socket (empty: the one from config.json):</source>
            <translation>Chemin du socket de contrôle du service (vide : celui de config.json) :</translation>
        </message>
        <message>
            <source>Open config.json</source>
            <translation>Ouvrir config.json</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Discard changes?</source>
            <translation>Abandonner les modifications ?</translation>
        </message>
        <message>
            <source>The current config has unsaved changes. Discard them and open the other file?</source>
            <translation>La configuration actuelle contient des modifications non enregistrées. Les abandonner et ouvrir l'autre fichier ?</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Ouverture impossible</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>The new language is used the next time postroom-admin starts.</source>
            <translation>La nouvelle langue sera utilisée au prochain démarrage de postroom-admin.</translation>
        </message>
        <message>
            <source>About postroom-admin</source>
            <translation>À propos de postroom-admin</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Postroom admin %1&lt;/h3&gt;&lt;p&gt;The administration program for the Postroom mail server: settings, users, queue, log and live statistics.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Administration Postroom %1&lt;/h3&gt;&lt;p&gt;Le programme d'administration du serveur de messagerie Postroom : réglages, utilisateurs, file d'attente, journal et statistiques en direct.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>Save the changes to config.json before closing?</source>
            <translation>Enregistrer les modifications de config.json avant de fermer ?</translation>
        </message>
        <message>
            <source>Cannot write %1</source>
            <translation>Impossible d'écrire %1</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>New password for %1</source>
            <translation>Nouveau mot de passe pour %1</translation>
        </message>
        <message>
            <source>Set password</source>
            <translation>Définir le mot de passe</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;Nouveau mot de passe :</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Répéter le mot de passe :</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>Le mot de passe doit comporter au moins %1 caractères.</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Les deux mots de passe sont différents.</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Cannot open the configuration</source>
            <translation>Impossible d'ouvrir la configuration</translation>
        </message>
    </context>
    <context>
        <name>QueuePage</name>
        <message>
            <source>Delivery queue</source>
            <translation>File de livraison</translation>
        </message>
        <message>
            <source>&amp;Retry now</source>
            <translation>&amp;Réessayer maintenant</translation>
        </message>
        <message>
            <source>Try to deliver the selected message again now.</source>
            <translation>Tenter à nouveau de livrer maintenant le message sélectionné.</translation>
        </message>
        <message>
            <source>Remove...</source>
            <translation>Supprimer…</translation>
        </message>
        <message>
            <source>Delete the selected message from the queue without delivering it.</source>
            <translation>Supprimer le message sélectionné de la file sans le livrer.</translation>
        </message>
        <message>
            <source>&amp;Flush queue</source>
            <translation>&amp;Vider la file</translation>
        </message>
        <message>
            <source>Try to deliver every waiting message now, without waiting for its next attempt time.</source>
            <translation>Tenter de livrer maintenant tous les messages en attente, sans attendre leur prochain essai prévu.</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>From</source>
            <translation>De</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Destinataires</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Arrivé</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <source>Next attempt</source>
            <translation>Prochain essai</translation>
        </message>
        <message>
            <source>Select a message to see each recipient's state and last error.</source>
            <translation>Sélectionnez un message pour voir l'état et la dernière erreur de chaque destinataire.</translation>
        </message>
        <message>
            <source>The daemon is not running: the queue can only be shown while it runs.</source>
            <translation>Le service n'est pas démarré : la file ne peut être affichée que lorsqu'il fonctionne.</translation>
        </message>
        <message>
            <source>Queue: %1</source>
            <translation>File d'attente : %1</translation>
        </message>
        <message>
            <source>%1 queued</source>
            <translation>%1 en file</translation>
        </message>
        <message>
            <source>%1 deferred</source>
            <translation>%1 différé(s)</translation>
        </message>
        <message>
            <source>%1 delivered</source>
            <translation>%1 livré(s)</translation>
        </message>
        <message>
            <source>%1 bounced</source>
            <translation>%1 rejeté(s)</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) in the queue</source>
            <translation>
                <numerusform>%n message dans la file</numerusform>
                <numerusform>%n messages dans la file</numerusform>
            </translation>
        </message>
        <message>
            <source>Message %1</source>
            <translation>Message %1</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>De :</translation>
        </message>
        <message>
            <source>Arrived:</source>
            <translation>Arrivé :</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Destinataire</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Essais</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Dernière erreur</translation>
        </message>
        <message>
            <source>Message %1 will be retried now.</source>
            <translation>Le message %1 va être réessayé maintenant.</translation>
        </message>
        <message>
            <source>Remove message</source>
            <translation>Supprimer le message</translation>
        </message>
        <message>
            <source>Remove message %1 from the queue? It will not be delivered and the sender is not told.</source>
            <translation>Supprimer le message %1 de la file ? Il ne sera pas livré et l'expéditeur n'en sera pas informé.</translation>
        </message>
        <message>
            <source>Message %1 removed.</source>
            <translation>Message %1 supprimé.</translation>
        </message>
        <message>
            <source>Delivery of every waiting message was started.</source>
            <translation>La livraison de tous les messages en attente a été lancée.</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>File d'attente</translation>
        </message>
    </context>
    <context>
        <name>RouteEditor</name>
        <message>
            <source>Destination domain</source>
            <translation>Domaine de destination</translation>
        </message>
        <message>
            <source>Deliver to (host:port)</source>
            <translation>Livrer à (hôte:port)</translation>
        </message>
        <message>
            <source>Add route</source>
            <translation>Ajouter une route</translation>
        </message>
        <message>
            <source>Remove route</source>
            <translation>Supprimer la route</translation>
        </message>
    </context>
    <context>
        <name>SavePreviewDialog</name>
        <message>
            <source>Save and reload</source>
            <translation>Enregistrer et recharger</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>Enregistrer les modifications</translation>
        </message>
        <message>
            <source>These settings will be written to config.json:</source>
            <translation>Ces réglages seront écrits dans config.json :</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Réglage</translation>
        </message>
        <message>
            <source>Saved value</source>
            <translation>Valeur enregistrée</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>Nouvelle valeur</translation>
        </message>
        <message>
            <source>Takes effect</source>
            <translation>Prise d'effet</translation>
        </message>
        <message>
            <source>after a restart</source>
            <translation>après un redémarrage</translation>
        </message>
        <message>
            <source>now (reload)</source>
            <translation>immédiatement (rechargement)</translation>
        </message>
        <message>
            <source>on the next reload</source>
            <translation>au prochain rechargement</translation>
        </message>
        <message>
            <source>Some changes take effect only when the daemon is restarted.</source>
            <translation>Certaines modifications ne prennent effet qu'au redémarrage du service.</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(non défini)</translation>
        </message>
        <message numerus="yes">
            <source>(hidden, %n character(s))</source>
            <translation>
                <numerusform>(masqué, %n caractère)</numerusform>
                <numerusform>(masqué, %n caractères)</numerusform>
            </translation>
        </message>
        <message>
            <source>(empty list)</source>
            <translation>(liste vide)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <source>on</source>
            <translation>activé</translation>
        </message>
        <message>
            <source>off</source>
            <translation>désactivé</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Users and aliases</source>
            <translation>Utilisateurs et alias</translation>
        </message>
        <message>
            <source>Search users by address or name</source>
            <translation>Rechercher des utilisateurs par adresse ou nom</translation>
        </message>
        <message>
            <source>&amp;Add user...</source>
            <translation>&amp;Ajouter un utilisateur…</translation>
        </message>
        <message>
            <source>Remove...</source>
            <translation>Supprimer…</translation>
        </message>
        <message>
            <source>Reset password...</source>
            <translation>Réinitialiser le mot de passe…</translation>
        </message>
        <message>
            <source>Set quota...</source>
            <translation>Définir le quota…</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>Désactiver</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Quota</source>
            <translation>Quota</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>Utilisé</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Select a user to see their folders.</source>
            <translation>Sélectionnez un utilisateur pour voir ses dossiers.</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>Unread</source>
            <translation>Non lus</translation>
        </message>
        <message>
            <source>Folders</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <source>Aliases</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Alias</translation>
        </message>
        <message>
            <source>Delivers to</source>
            <translation>Livre à</translation>
        </message>
        <message>
            <source>Add alias...</source>
            <translation>Ajouter un alias…</translation>
        </message>
        <message>
            <source>Remove alias</source>
            <translation>Supprimer l'alias</translation>
        </message>
        <message>
            <source>The daemon is not running: users and aliases can only be managed while it runs.</source>
            <translation>Le service n'est pas démarré : les utilisateurs et les alias ne peuvent être gérés que lorsqu'il fonctionne.</translation>
        </message>
        <message>
            <source>Users: %1</source>
            <translation>Utilisateurs : %1</translation>
        </message>
        <message>
            <source>%1 GiB</source>
            <translation>%1 Gio</translation>
        </message>
        <message>
            <source>%1 MiB</source>
            <translation>%1 Mio</translation>
        </message>
        <message>
            <source>%1 KiB</source>
            <translation>%1 Kio</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Illimité</translation>
        </message>
        <message>
            <source>enabled</source>
            <translation>activé</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>désactivé</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>Activer</translation>
        </message>
        <message>
            <source>User %1 added.</source>
            <translation>Utilisateur %1 ajouté.</translation>
        </message>
        <message>
            <source>Remove user</source>
            <translation>Supprimer l'utilisateur</translation>
        </message>
        <message>
            <source>Remove %1? The user can no longer log in or receive mail.</source>
            <translation>Supprimer %1 ? L'utilisateur ne pourra plus se connecter ni recevoir de courrier.</translation>
        </message>
        <message>
            <source>Also delete all of this user's mail</source>
            <translation>Supprimer aussi tout le courrier de cet utilisateur</translation>
        </message>
        <message>
            <source>User %1 removed.</source>
            <translation>Utilisateur %1 supprimé.</translation>
        </message>
        <message>
            <source>Password of %1 changed.</source>
            <translation>Mot de passe de %1 modifié.</translation>
        </message>
        <message>
            <source>Set quota</source>
            <translation>Définir le quota</translation>
        </message>
        <message>
            <source>Quota of %1 in MiB (0 means no limit):</source>
            <translation>Quota de %1 en Mio (0 signifie illimité) :</translation>
        </message>
        <message>
            <source>%1 has no quota now.</source>
            <translation>%1 n'a plus de quota.</translation>
        </message>
        <message>
            <source>Quota of %1 set to %2 MiB.</source>
            <translation>Quota de %1 fixé à %2 Mio.</translation>
        </message>
        <message>
            <source>%1 is enabled again.</source>
            <translation>%1 est de nouveau activé.</translation>
        </message>
        <message>
            <source>Add alias</source>
            <translation>Ajouter un alias</translation>
        </message>
        <message>
            <source>Alias address (e.g. info@example.com):</source>
            <translation>Adresse de l'alias (p. ex. info@example.com) :</translation>
        </message>
        <message>
            <source>"%1" is not a valid mail address: %2</source>
            <translation>« %1 » n'est pas une adresse e-mail valide : %2</translation>
        </message>
        <message>
            <source>Deliver mail for %1 to (addresses, separated by commas):</source>
            <translation>Livrer le courrier de %1 à (adresses séparées par des virgules) :</translation>
        </message>
        <message>
            <source>An alias needs at least one target address.</source>
            <translation>Un alias doit avoir au moins une adresse de destination.</translation>
        </message>
        <message>
            <source>Alias %1 added.</source>
            <translation>Alias %1 ajouté.</translation>
        </message>
        <message>
            <source>Remove the alias %1?</source>
            <translation>Supprimer l'alias %1 ?</translation>
        </message>
        <message>
            <source>Alias %1 removed.</source>
            <translation>Alias %1 supprimé.</translation>
        </message>
        <message>
            <source>%1 is disabled and can no longer log in.</source>
            <translation>%1 est désactivé et ne peut plus se connecter.</translation>
        </message>
    </context>
</TS>
