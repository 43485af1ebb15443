<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Add user</source>
            <translation>Añadir usuario</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>nombre@example.com</translation>
        </message>
        <message>
            <source>name@%1</source>
            <translation>nombre@%1</translation>
        </message>
        <message>
            <source>Optional, e.g. Anna Schmidt</source>
            <translation>Opcional, p. ej. Ana García</translation>
        </message>
        <message>
            <source> MiB</source>
            <translation> MiB</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>Sin límite</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Dirección:</translation>
        </message>
        <message>
            <source>&amp;Display name:</source>
            <translation>&amp;Nombre visible:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Contraseña:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Repetir contraseña:</translation>
        </message>
        <message>
            <source>&amp;Quota:</source>
            <translation>&amp;Cuota:</translation>
        </message>
        <message>
            <source>Enter the user's mail address.</source>
            <translation>Introduzca la dirección de correo del usuario.</translation>
        </message>
        <message>
            <source>"%1" is not a valid mail address: %2</source>
            <translation>«%1» no es una dirección de correo válida: %2</translation>
        </message>
        <message>
            <source>%1 is not one of this server's mail domains (%2). Add the domain on the General page first.</source>
            <translation>%1 no es uno de los dominios de correo de este servidor (%2). Añada primero el dominio en la página «General».</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>La contraseña debe tener al menos %1 caracteres.</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Las dos contraseñas no coinciden.</translation>
        </message>
    </context>
    <context>
        <name>CertificateView</name>
        <message>
            <source>Certificate</source>
            <translation>Certificado</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Archivo:</translation>
        </message>
        <message>
            <source>Subject:</source>
            <translation>Sujeto:</translation>
        </message>
        <message>
            <source>Names (SAN):</source>
            <translation>Nombres (SAN):</translation>
        </message>
        <message>
            <source>Issuer:</source>
            <translation>Emisor:</translation>
        </message>
        <message>
            <source>Valid:</source>
            <translation>Validez:</translation>
        </message>
        <message>
            <source>Self-signed:</source>
            <translation>Autofirmado:</translation>
        </message>
        <message>
            <source>SHA-256:</source>
            <translation>SHA-256:</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguno)</translation>
        </message>
        <message>
            <source>The file does not exist (yet). The daemon generates a self-signed certificate there when it starts, unless you name your own files above.</source>
            <translation>El archivo no existe (todavía). El servicio genera allí un certificado autofirmado al arrancar, salvo que indique sus propios archivos arriba.</translation>
        </message>
        <message>
            <source>&lt;span style="color:#c0392b"&gt;Not a readable PEM certificate.&lt;/span&gt;</source>
            <translation>&lt;span style="color:#c0392b"&gt;No es un certificado PEM legible.&lt;/span&gt;</translation>
        </message>
        <message>
            <source>IP %1</source>
            <translation>IP %1</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>del %1 al %2</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>caducado</translation>
        </message>
        <message>
            <source>not valid yet</source>
            <translation>todavía no válido</translation>
        </message>
        <message numerus="yes">
            <source>expires in %n day(s)</source>
            <translation>
                <numerusform>caduca en %n día</numerusform>
                <numerusform>caduca en %n días</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>queda %n día</numerusform>
                <numerusform>quedan %n días</numerusform>
            </translation>
        </message>
        <message>
            <source>Yes: mail programs will warn about it unless the admin trusts it. Fine for testing and internal use; use a CA-signed certificate in production.</source>
            <translation>Sí: los programas de correo avisarán de ello mientras no se marque como de confianza. Sirve para pruebas y uso interno; en producción use un certificado firmado por una autoridad de certificación.</translation>
        </message>
        <message>
            <source>No (issued by a certificate authority)</source>
            <translation>No (emitido por una autoridad de certificación)</translation>
        </message>
    </context>
    <context>
        <name>ConfigField</name>
        <message>
            <source>Undo this change</source>
            <translation>Deshacer este cambio</translation>
        </message>
        <message>
            <source>needs restart</source>
            <translation>requiere reinicio</translation>
        </message>
        <message>
            <source>The daemon applies this setting only when it is restarted, not on reload.</source>
            <translation>El servicio aplica este ajuste solo al reiniciarse, no al recargar.</translation>
        </message>
        <message>
            <source> bytes</source>
            <translation> bytes</translation>
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
            <translation>«%1» no es un nombre de dominio como example.com.</translation>
        </message>
        <message>
            <source>192.0.2.10 or 10.0.0.0/8</source>
            <translation>192.0.2.10 o 10.0.0.0/8</translation>
        </message>
        <message>
            <source>"%1" is not an IP address or CIDR range such as 10.0.0.0/8.</source>
            <translation>«%1» no es una dirección IP ni un rango CIDR como 10.0.0.0/8.</translation>
        </message>
        <message>
            <source>0.0.0.0 (all IPv4), :: (all), 127.0.0.1</source>
            <translation>0.0.0.0 (todo IPv4), :: (todo), 127.0.0.1</translation>
        </message>
        <message>
            <source>mail.example.com</source>
            <translation>mail.example.com</translation>
        </message>
        <message>
            <source>Empty: deliver directly (host:port to use a smarthost)</source>
            <translation>Vacío: entrega directa (host:puerto para usar un smarthost)</translation>
        </message>
        <message>
            <source>Empty: generated by the daemon and kept in the mail folder</source>
            <translation>Vacío: lo genera el servicio y lo guarda en la carpeta de correo</translation>
        </message>
        <message>
            <source>Empty: self-signed certificate in the mail folder</source>
            <translation>Vacío: certificado autofirmado en la carpeta de correo</translation>
        </message>
        <message>
            <source>Empty: not set</source>
            <translation>Vacío: sin definir</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Mostrar</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Ocultar</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>Generar</translation>
        </message>
        <message>
            <source>Create a new random 256-bit secret. Tokens signed with the old one stop working.</source>
            <translation>Crear un nuevo secreto aleatorio de 256 bits. Los tokens firmados con el anterior dejan de funcionar.</translation>
        </message>
        <message>
            <source>Browse...</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
            <translation>Archivos PEM (*.pem *.crt *.key);;Todos los archivos (*)</translation>
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
                <numerusform>%n byte</numerusform>
                <numerusform>%n bytes</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 días</translation>
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
            <translation>No se puede leer %1: %2</translation>
        </message>
        <message>
            <source>%1 is not a valid JSON object: %2</source>
            <translation>%1 no es un objeto JSON válido: %2</translation>
        </message>
        <message>
            <source>The configuration is not valid:
%1</source>
            <translation>La configuración no es válida:
%1</translation>
        </message>
        <message>
            <source>No file name to save to.</source>
            <translation>No hay nombre de archivo donde guardar.</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>No se pudo escribir %1: %2</translation>
        </message>
    </context>
    <context>
        <name>ConfigPage</name>
        <message>
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
    </context>
    <context>
        <name>ConfigSchema</name>
        <message>
            <source>Server FQDN, used in SMTP banners, the TLS certificate and autoconfig responses.</source>
            <translation>Nombre completo del servidor (FQDN), usado en los saludos SMTP, el certificado TLS y las respuestas de autoconfiguración.</translation>
        </message>
        <message>
            <source>Root directory for all user data, the queue and TLS certificates (relative to config.json's folder).</source>
            <translation>Directorio raíz de todos los datos de usuario, la cola y los certificados TLS (relativo a la carpeta de config.json).</translation>
        </message>
        <message>
            <source>Accepted mail domains (case-insensitive).</source>
            <translation>Dominios de correo aceptados (sin distinguir mayúsculas).</translation>
        </message>
        <message>
            <source>Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL (case-insensitive; WARN means WARNING).</source>
            <translation>Nivel de registro: DEBUG, INFO, WARNING, ERROR o CRITICAL (sin distinguir mayúsculas; WARN equivale a WARNING).</translation>
        </message>
        <message>
            <source>Path of the local control socket used by postroom-admin and the postroomd commands; null means {mail_root}/control.sock.</source>
            <translation>Ruta del socket de control local que usan postroom-admin y los comandos de postroomd; vacío significa {mail_root}/control.sock.</translation>
        </message>
        <message>
            <source>When started as root: the user to switch to after binding the ports; null keeps running as the starting user.</source>
            <translation>Si se inicia como root: el usuario al que cambiar tras abrir los puertos; vacío sigue con el usuario que lo inició.</translation>
        </message>
        <message>
            <source>Bind address for all SMTP listeners.</source>
            <translation>Dirección en la que escuchan todos los puertos SMTP.</translation>
        </message>
        <message>
            <source>SMTP port for inbound mail to our domains (no AUTH, never relays).</source>
            <translation>Puerto SMTP para el correo entrante a nuestros dominios (sin autenticación, nunca reenvía).</translation>
        </message>
        <message>
            <source>Authenticated submission port (STARTTLS required for AUTH when TLS is configured).</source>
            <translation>Puerto de envío autenticado (STARTTLS obligatorio para autenticarse cuando TLS está configurado).</translation>
        </message>
        <message>
            <source>Implicit TLS SMTP port (active when TLS is configured).</source>
            <translation>Puerto SMTP con TLS implícito (activo cuando TLS está configurado).</translation>
        </message>
        <message>
            <source>Maximum message size in bytes, announced with the SIZE extension.</source>
            <translation>Tamaño máximo de mensaje en bytes, anunciado con la extensión SIZE.</translation>
        </message>
        <message>
            <source>Maximum RCPT TO recipients per message; the excess gets 452.</source>
            <translation>Máximo de destinatarios (RCPT TO) por mensaje; los sobrantes reciben 452.</translation>
        </message>
        <message>
            <source>Maximum simultaneous SMTP connections over all SMTP ports.</source>
            <translation>Máximo de conexiones SMTP simultáneas en todos los puertos SMTP.</translation>
        </message>
        <message>
            <source>Maximum messages per SMTP session before the server closes it.</source>
            <translation>Máximo de mensajes por sesión SMTP antes de que el servidor la cierre.</translation>
        </message>
        <message>
            <source>Bind address for IMAP listeners.</source>
            <translation>Dirección en la que escuchan los puertos IMAP.</translation>
        </message>
        <message>
            <source>IMAP port (STARTTLS available when TLS is configured).</source>
            <translation>Puerto IMAP (STARTTLS disponible cuando TLS está configurado).</translation>
        </message>
        <message>
            <source>IMAPS implicit TLS port (active when TLS is configured).</source>
            <translation>Puerto IMAPS con TLS implícito (activo cuando TLS está configurado).</translation>
        </message>
        <message>
            <source>Maximum simultaneous IMAP connections.</source>
            <translation>Máximo de conexiones IMAP simultáneas.</translation>
        </message>
        <message>
            <source>Bind address for the HTTP API listeners.</source>
            <translation>Dirección en la que escucha la API HTTP.</translation>
        </message>
        <message>
            <source>HTTP API port.</source>
            <translation>Puerto de la API HTTP.</translation>
        </message>
        <message>
            <source>HTTPS API port (active when TLS is configured).</source>
            <translation>Puerto de la API HTTPS (activo cuando TLS está configurado).</translation>
        </message>
        <message>
            <source>HMAC-SHA256 key for signing API tokens (at least 16 characters); null generates a random one kept in {mail_root}. Set it explicitly when several processes must accept the same tokens.</source>
            <translation>Clave HMAC-SHA256 para firmar los tokens de la API (al menos 16 caracteres); vacío genera una aleatoria guardada en {mail_root}. Defínala explícitamente si varios procesos deben aceptar los mismos tokens.</translation>
        </message>
        <message>
            <source>Number of concurrent delivery workers.</source>
            <translation>Número de procesos de entrega simultáneos.</translation>
        </message>
        <message>
            <source>Smarthost as "host:port" that receives all outgoing mail (for providers that block port 25); null delivers directly by MX.</source>
            <translation>Smarthost como «host:puerto» que recibe todo el correo saliente (para proveedores que bloquean el puerto 25); vacío entrega directamente por MX.</translation>
        </message>
        <message>
            <source>How to secure the smarthost connection: starttls, tls or none.</source>
            <translation>Cómo proteger la conexión con el smarthost: starttls, tls o none.</translation>
        </message>
        <message>
            <source>User name for AUTH at the smarthost; null sends without AUTH.</source>
            <translation>Usuario para autenticarse en el smarthost; vacío envía sin autenticación.</translation>
        </message>
        <message>
            <source>Password for AUTH at the smarthost.</source>
            <translation>Contraseña para autenticarse en el smarthost.</translation>
        </message>
        <message>
            <source>Static routes: destination domain -&gt; "host:port", used instead of the MX lookup.</source>
            <translation>Rutas estáticas: dominio de destino -&gt; «host:puerto», usadas en lugar de la consulta MX.</translation>
        </message>
        <message>
            <source>Seconds a message may wait in the queue before it is bounced (default 5 days).</source>
            <translation>Segundos que un mensaje puede esperar en la cola antes de devolverse (por defecto 5 días).</translation>
        </message>
        <message>
            <source>PEM certificate (chain). Null: a self-signed certificate is generated in {mail_root}/tls/cert.pem.</source>
            <translation>Certificado PEM (cadena). Vacío: se genera un certificado autofirmado en {mail_root}/tls/cert.pem.</translation>
        </message>
        <message>
            <source>PEM private key. Null: generated alongside the self-signed certificate.</source>
            <translation>Clave privada PEM. Vacío: se genera junto con el certificado autofirmado.</translation>
        </message>
        <message>
            <source>Enable or disable rate limiting globally.</source>
            <translation>Activar o desactivar globalmente la limitación de tasa.</translation>
        </message>
        <message>
            <source>Maximum connections per IP within connection_period.</source>
            <translation>Máximo de conexiones por IP dentro de la ventana de conexiones.</translation>
        </message>
        <message>
            <source>Period in seconds for the connection rate window.</source>
            <translation>Duración en segundos de la ventana de conexiones.</translation>
        </message>
        <message>
            <source>Maximum messages per IP within message_period.</source>
            <translation>Máximo de mensajes por IP dentro de la ventana de mensajes.</translation>
        </message>
        <message>
            <source>Period in seconds for the message rate window.</source>
            <translation>Duración en segundos de la ventana de mensajes.</translation>
        </message>
        <message>
            <source>Maximum recipients per IP within recipient_period.</source>
            <translation>Máximo de destinatarios por IP dentro de la ventana de destinatarios.</translation>
        </message>
        <message>
            <source>Period in seconds for the recipient rate window.</source>
            <translation>Duración en segundos de la ventana de destinatarios.</translation>
        </message>
        <message>
            <source>Authentication failures before the IP is locked out.</source>
            <translation>Fallos de autenticación antes de bloquear la IP.</translation>
        </message>
        <message>
            <source>Lockout duration in seconds after the failure limit is reached.</source>
            <translation>Duración del bloqueo en segundos al alcanzar el límite de fallos.</translation>
        </message>
        <message>
            <source>Maximum simultaneous connections from one IP (SMTP, IMAP and API).</source>
            <translation>Máximo de conexiones simultáneas desde una IP (SMTP, IMAP y API).</translation>
        </message>
        <message>
            <source>IP addresses or CIDR ranges exempt from all rate limiting. Keep 127.0.0.1 here for diagnostics and tests.</source>
            <translation>Direcciones IP o rangos CIDR exentos de toda limitación de tasa. Mantenga 127.0.0.1 aquí para diagnósticos y pruebas.</translation>
        </message>
        <message>
            <source>Maximum number of IPs tracked in memory (least recently seen dropped first).</source>
            <translation>Número máximo de IP vigiladas en memoria (se descartan primero las vistas hace más tiempo).</translation>
        </message>
        <message>
            <source>Seconds between clean-ups of stale IP records.</source>
            <translation>Segundos entre limpiezas de registros de IP obsoletos.</translation>
        </message>
        <message>
            <source>Seconds a client has to send one complete command line (RFC 5321 4.5.3.2.7 asks for at least 300). A client that trickles a command slower is closed with 421 4.4.2.</source>
            <translation>Segundos que tiene un cliente para enviar una línea de comando completa (la RFC 5321 4.5.3.2.7 pide al menos 300). Un cliente que envía un comando más despacio se desconecta con 421 4.4.2.</translation>
        </message>
        <message>
            <source>Seconds the server waits for more message data during DATA or BDAT (RFC 5321 4.5.3.2.5 asks for at least 180); then 421 4.4.2.</source>
            <translation>Segundos que el servidor espera más datos del mensaje durante DATA o BDAT (la RFC 5321 4.5.3.2.5 pide al menos 180); después 421 4.4.2.</translation>
        </message>
        <message>
            <source>Seconds an IMAP client may go without sending a complete command, IDLE included, before the server says BYE Autologout (RFC 3501 5.4 asks for at least 1800). Before login at most 300.</source>
            <translation>Segundos que un cliente IMAP puede pasar sin enviar un comando completo, IDLE incluido, antes de que el servidor diga BYE Autologout (la RFC 3501 5.4 pide al menos 1800). Antes de iniciar sesión, 300 como máximo.</translation>
        </message>
        <message>
            <source>Seconds an HTTP API connection may stay silent before it is closed; a request head must also arrive complete within this time (and within 30).</source>
            <translation>Segundos que una conexión a la API HTTP puede permanecer en silencio antes de cerrarse; la cabecera de una petición también debe llegar completa en este tiempo (y en menos de 30).</translation>
        </message>
    </context>
    <context>
        <name>DaemonClient</name>
        <message>
            <source>The connection to the daemon was closed.</source>
            <translation>Se cerró la conexión con el servicio.</translation>
        </message>
        <message>
            <source>no control socket at this path</source>
            <translation>no hay ningún socket de control en esta ruta</translation>
        </message>
        <message>
            <source>connection refused (the daemon is not running)</source>
            <translation>conexión rechazada (el servicio no está en marcha)</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>permiso denegado</translation>
        </message>
        <message>
            <source>The daemon is not running or not reachable.</source>
            <translation>El servicio no está en marcha o no es accesible.</translation>
        </message>
        <message>
            <source>The daemon did not answer in time.</source>
            <translation>El servicio no respondió a tiempo.</translation>
        </message>
        <message>
            <source>Not supported by this daemon version.</source>
            <translation>No admitido por esta versión del servicio.</translation>
        </message>
        <message>
            <source>The daemon reported an error (%1).</source>
            <translation>El servicio informó de un error (%1).</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Panel</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Servidor</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>Estado:</translation>
        </message>
        <message>
            <source>Running for:</source>
            <translation>En marcha desde hace:</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Versión:</translation>
        </message>
        <message>
            <source>Host name:</source>
            <translation>Nombre de host:</translation>
        </message>
        <message>
            <source>Config file:</source>
            <translation>Archivo de configuración:</translation>
        </message>
        <message>
            <source>TLS:</source>
            <translation>TLS:</translation>
        </message>
        <message>
            <source>Since start:</source>
            <translation>Desde el arranque:</translation>
        </message>
        <message>
            <source>Listeners</source>
            <translation>Puertos de escucha</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Servicio</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Puerto</translation>
        </message>
        <message>
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Open connections</source>
            <translation>Conexiones abiertas</translation>
        </message>
        <message>
            <source>Messages per minute</source>
            <translation>Mensajes por minuto</translation>
        </message>
        <message>
            <source>Queue length</source>
            <translation>Longitud de la cola</translation>
        </message>
        <message>
            <source>Refusals per minute</source>
            <translation>Rechazos por minuto</translation>
        </message>
        <message>
            <source>Traffic</source>
            <translation>Tráfico</translation>
        </message>
        <message>
            <source> KiB/s</source>
            <translation> KiB/s</translation>
        </message>
        <message>
            <source>Not supported by this daemon version.</source>
            <translation>No admitido por esta versión del servicio.</translation>
        </message>
        <message>
            <source>Running (process %1)</source>
            <translation>En marcha (proceso %1)</translation>
        </message>
        <message>
            <source>Enabled (%1)</source>
            <translation>Activado (%1)</translation>
        </message>
        <message>
            <source>Not configured</source>
            <translation>No configurado</translation>
        </message>
        <message>
            <source>implicit TLS</source>
            <translation>TLS implícito</translation>
        </message>
        <message>
            <source>STARTTLS</source>
            <translation>STARTTLS</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>listening</source>
            <translation>escuchando</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>error</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>desactivado</translation>
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
            <translation>recibidos</translation>
        </message>
        <message>
            <source>delivered</source>
            <translation>entregados</translation>
        </message>
        <message>
            <source>bounced</source>
            <translation>devueltos</translation>
        </message>
        <message>
            <source>waiting</source>
            <translation>en espera</translation>
        </message>
        <message>
            <source>rate limit</source>
            <translation>límite de tasa</translation>
        </message>
        <message>
            <source>failed logins</source>
            <translation>inicios de sesión fallidos</translation>
        </message>
        <message>
            <source>in</source>
            <translation>entrada</translation>
        </message>
        <message>
            <source>out</source>
            <translation>salida</translation>
        </message>
        <message>
            <source>%1 received, %2 delivered, %3 deferred, %4 bounced; %5 failed logins, %6 rate-limit refusals</source>
            <translation>%1 recibidos, %2 entregados, %3 aplazados, %4 devueltos; %5 inicios de sesión fallidos, %6 rechazos por límite de tasa</translation>
        </message>
        <message>
            <source>Not running (or not reachable)</source>
            <translation>Detenido (o no accesible)</translation>
        </message>
        <message>
            <source>No connection to the daemon</source>
            <translation>Sin conexión con el servicio</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n día</numerusform>
                <numerusform>%n días</numerusform>
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
            <translation>Diagnóstico</translation>
        </message>
        <message>
            <source>Checks the running server from this computer the way mail programs and other servers see it: every listener, encryption and the certificate, logins, a test message from submission to a mailbox (read back over IMAP and the API) and automatic setup. A throwaway account is created for the test and removed afterwards.</source>
            <translation>Comprueba el servidor en marcha desde este equipo tal como lo ven los programas de correo y otros servidores: cada puerto de escucha, el cifrado y el certificado, los inicios de sesión, un mensaje de prueba desde el envío hasta un buzón (leído de nuevo por IMAP y por la API) y la configuración automática. Para la prueba se crea una cuenta desechable que se elimina después.</translation>
        </message>
        <message>
            <source>Check &amp;DNS too</source>
            <translation>Comprobar también el &amp;DNS</translation>
        </message>
        <message>
            <source>Also look up the MX, SPF and DMARC records of each domain and the reverse DNS of the server's address. Needs internet access; without it these checks are warnings.</source>
            <translation>Consulta además los registros MX, SPF y DMARC de cada dominio y el DNS inverso de la dirección del servidor. Necesita acceso a Internet; sin él, estas comprobaciones son advertencias.</translation>
        </message>
        <message>
            <source>&amp;Run diagnostics</source>
            <translation>&amp;Ejecutar diagnóstico</translation>
        </message>
        <message>
            <source>Run every check now. This takes a few seconds, longer with DNS.</source>
            <translation>Ejecutar todas las comprobaciones ahora. Tarda unos segundos, más con DNS.</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Comprobación</translation>
        </message>
        <message>
            <source>What was found</source>
            <translation>Hallazgo</translation>
        </message>
        <message>
            <source>How to fix it</source>
            <translation>Cómo solucionarlo</translation>
        </message>
        <message>
            <source>Not run yet.</source>
            <translation>Aún no se ha ejecutado.</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>Correcto</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Advertencia</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>The daemon is not running. Diagnostics check the running server: start postroomd (for example with "systemctl start postroomd"), then run them. The Run button works again as soon as this window is connected.</source>
            <translation>El servicio no está en marcha. El diagnóstico comprueba el servidor en funcionamiento: inicie postroomd (por ejemplo con «systemctl start postroomd») y luego ejecútelo. El botón de ejecutar vuelve a funcionar en cuanto esta ventana se conecte.</translation>
        </message>
        <message>
            <source>Running the checks, including DNS... this can take a minute.</source>
            <translation>Ejecutando las comprobaciones, incluido el DNS… puede tardar un minuto.</translation>
        </message>
        <message>
            <source>Running the checks... this takes a few seconds.</source>
            <translation>Ejecutando las comprobaciones… tarda unos segundos.</translation>
        </message>
        <message>
            <source>Diagnostics could not run: %1</source>
            <translation>No se pudo ejecutar el diagnóstico: %1</translation>
        </message>
        <message>
            <source>No result.</source>
            <translation>Sin resultado.</translation>
        </message>
        <message>
            <source>Something does not work: fix the failed checks first.</source>
            <translation>Algo no funciona: corrija primero las comprobaciones con error.</translation>
        </message>
        <message>
            <source>Everything works; the warnings are worth a look.</source>
            <translation>Todo funciona; vale la pena revisar las advertencias.</translation>
        </message>
        <message>
            <source>Everything works.</source>
            <translation>Todo funciona.</translation>
        </message>
        <message numerus="yes">
            <source>%n passed</source>
            <translation>
                <numerusform>%n correcta</numerusform>
                <numerusform>%n correctas</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n advertencia</numerusform>
                <numerusform>%n advertencias</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n con error</numerusform>
                <numerusform>%n con errores</numerusform>
            </translation>
        </message>
        <message>
            <source>Run at %1, took %2 s.</source>
            <translation>Ejecutado a las %1, duró %2 s.</translation>
        </message>
    </context>
    <context>
        <name>FieldTexts</name>
        <message>
            <source>Host name</source>
            <translation>Nombre de host</translation>
        </message>
        <message>
            <source>Mail folder</source>
            <translation>Carpeta de correo</translation>
        </message>
        <message>
            <source>Mail domains</source>
            <translation>Dominios de correo</translation>
        </message>
        <message>
            <source>Log level</source>
            <translation>Nivel de registro</translation>
        </message>
        <message>
            <source>Control socket</source>
            <translation>Socket de control</translation>
        </message>
        <message>
            <source>Run as user</source>
            <translation>Ejecutar como usuario</translation>
        </message>
        <message>
            <source>Listen address</source>
            <translation>Dirección de escucha</translation>
        </message>
        <message>
            <source>Inbound port (SMTP)</source>
            <translation>Puerto de entrada (SMTP)</translation>
        </message>
        <message>
            <source>Submission port</source>
            <translation>Puerto de envío (submission)</translation>
        </message>
        <message>
            <source>Implicit TLS port (SMTPS)</source>
            <translation>Puerto TLS implícito (SMTPS)</translation>
        </message>
        <message>
            <source>Maximum message size</source>
            <translation>Tamaño máximo de mensaje</translation>
        </message>
        <message>
            <source>Maximum recipients per message</source>
            <translation>Máximo de destinatarios por mensaje</translation>
        </message>
        <message>
            <source>Maximum connections</source>
            <translation>Máximo de conexiones</translation>
        </message>
        <message>
            <source>Maximum messages per connection</source>
            <translation>Máximo de mensajes por conexión</translation>
        </message>
        <message>
            <source>IMAP port</source>
            <translation>Puerto IMAP</translation>
        </message>
        <message>
            <source>Implicit TLS port (IMAPS)</source>
            <translation>Puerto TLS implícito (IMAPS)</translation>
        </message>
        <message>
            <source>HTTP port</source>
            <translation>Puerto HTTP</translation>
        </message>
        <message>
            <source>HTTPS port</source>
            <translation>Puerto HTTPS</translation>
        </message>
        <message>
            <source>Token signing secret</source>
            <translation>Secreto de firma de tokens</translation>
        </message>
        <message>
            <source>Delivery workers</source>
            <translation>Procesos de entrega</translation>
        </message>
        <message>
            <source>Smarthost</source>
            <translation>Smarthost</translation>
        </message>
        <message>
            <source>Smarthost security</source>
            <translation>Seguridad del smarthost</translation>
        </message>
        <message>
            <source>Smarthost user name</source>
            <translation>Usuario del smarthost</translation>
        </message>
        <message>
            <source>Smarthost password</source>
            <translation>Contraseña del smarthost</translation>
        </message>
        <message>
            <source>Static routes</source>
            <translation>Rutas estáticas</translation>
        </message>
        <message>
            <source>Maximum time in queue</source>
            <translation>Tiempo máximo en la cola</translation>
        </message>
        <message>
            <source>Certificate file</source>
            <translation>Archivo del certificado</translation>
        </message>
        <message>
            <source>Private key file</source>
            <translation>Archivo de la clave privada</translation>
        </message>
        <message>
            <source>Rate limiting enabled</source>
            <translation>Limitación de tasa activada</translation>
        </message>
        <message>
            <source>Connections per IP</source>
            <translation>Conexiones por IP</translation>
        </message>
        <message>
            <source>Connection window</source>
            <translation>Ventana de conexiones</translation>
        </message>
        <message>
            <source>Messages per IP</source>
            <translation>Mensajes por IP</translation>
        </message>
        <message>
            <source>Message window</source>
            <translation>Ventana de mensajes</translation>
        </message>
        <message>
            <source>Recipients per IP</source>
            <translation>Destinatarios por IP</translation>
        </message>
        <message>
            <source>Recipient window</source>
            <translation>Ventana de destinatarios</translation>
        </message>
        <message>
            <source>Failed logins before lockout</source>
            <translation>Intentos fallidos antes del bloqueo</translation>
        </message>
        <message>
            <source>Lockout duration</source>
            <translation>Duración del bloqueo</translation>
        </message>
        <message>
            <source>Simultaneous connections per IP</source>
            <translation>Conexiones simultáneas por IP</translation>
        </message>
        <message>
            <source>Exempt addresses</source>
            <translation>Direcciones exentas</translation>
        </message>
        <message>
            <source>Tracked IPs (maximum)</source>
            <translation>IP vigiladas (máximo)</translation>
        </message>
        <message>
            <source>Clean-up interval</source>
            <translation>Intervalo de limpieza</translation>
        </message>
        <message>
            <source>Command timeout</source>
            <translation>Tiempo límite de comandos</translation>
        </message>
        <message>
            <source>Data timeout</source>
            <translation>Tiempo límite de datos</translation>
        </message>
        <message>
            <source>Autologout timeout</source>
            <translation>Tiempo límite de desconexión automática</translation>
        </message>
        <message>
            <source>Idle timeout</source>
            <translation>Tiempo límite de inactividad</translation>
        </message>
    </context>
    <context>
        <name>GraphWidget</name>
        <message>
            <source>Waiting for data...</source>
            <translation>Esperando datos…</translation>
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
            <translation>ahora</translation>
        </message>
    </context>
    <context>
        <name>ListEditor</name>
        <message>
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>%1 is already in the list.</source>
            <translation>%1 ya está en la lista.</translation>
        </message>
    </context>
    <context>
        <name>LogPage</name>
        <message>
            <source>Log</source>
            <translation>Registro</translation>
        </message>
        <message>
            <source>All levels</source>
            <translation>Todos los niveles</translation>
        </message>
        <message>
            <source>Info and above</source>
            <translation>Info y superior</translation>
        </message>
        <message>
            <source>Warnings and errors</source>
            <translation>Avisos y errores</translation>
        </message>
        <message>
            <source>Errors only</source>
            <translation>Solo errores</translation>
        </message>
        <message>
            <source>All subsystems</source>
            <translation>Todos los subsistemas</translation>
        </message>
        <message>
            <source>Search messages</source>
            <translation>Buscar en los mensajes</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pausa</translation>
        </message>
        <message>
            <source>Hold the view still; new records are kept and shown when you resume.</source>
            <translation>Congela la vista; las entradas nuevas se guardan y se muestran al reanudar.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Vaciar</translation>
        </message>
        <message>
            <source>Level:</source>
            <translation>Nivel:</translation>
        </message>
        <message>
            <source>Subsystem:</source>
            <translation>Subsistema:</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Nivel</translation>
        </message>
        <message>
            <source>Subsystem</source>
            <translation>Subsistema</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Mensaje</translation>
        </message>
        <message>
            <source>The daemon is not running; the log continues when it is back.</source>
            <translation>El servicio no está en marcha; el registro continúa cuando vuelva.</translation>
        </message>
        <message>
            <source>Live log: %1</source>
            <translation>Registro en vivo: %1</translation>
        </message>
        <message>
            <source>Showing %1 of %2 records.</source>
            <translation>Mostrando %1 de %2 entradas.</translation>
        </message>
        <message numerus="yes">
            <source>Paused: %n new record(s) held back.</source>
            <translation>
                <numerusform>En pausa: %n entrada nueva retenida.</numerusform>
                <numerusform>En pausa: %n entradas nuevas retenidas.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Choose socket...</source>
            <translation>Elegir socket…</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Panel</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>The server's name, where it keeps its data, and which mail domains it accepts.</source>
            <translation>El nombre del servidor, dónde guarda sus datos y qué dominios de correo acepta.</translation>
        </message>
        <message>
            <source>SMTP</source>
            <translation>SMTP</translation>
        </message>
        <message>
            <source>Receiving mail: port 25 accepts mail for your domains from anyone; the submission ports are for your users' mail programs and require a login.</source>
            <translation>Recepción de correo: el puerto 25 acepta de cualquiera el correo para sus dominios; los puertos de envío son para los programas de correo de sus usuarios y exigen iniciar sesión.</translation>
        </message>
        <message>
            <source>IMAP</source>
            <translation>IMAP</translation>
        </message>
        <message>
            <source>Reading mail: where mail programs connect to read the users' folders.</source>
            <translation>Lectura del correo: donde se conectan los programas de correo para leer las carpetas de los usuarios.</translation>
        </message>
        <message>
            <source>Exchange API</source>
            <translation>API Exchange</translation>
        </message>
        <message>
            <source>The HTTP API used by web and mobile clients, and for automatic account setup.</source>
            <translation>La API HTTP que usan los clientes web y móviles, y para configurar cuentas automáticamente.</translation>
        </message>
        <message>
            <source>TLS</source>
            <translation>TLS</translation>
        </message>
        <message>
            <source>Encryption. Leave both files empty to use a self-signed certificate the server generates; for production, name the certificate and key from your certificate authority.</source>
            <translation>Cifrado. Deje ambos archivos vacíos para usar un certificado autofirmado que genera el servidor; en producción, indique el certificado y la clave de su autoridad de certificación.</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Entrega</translation>
        </message>
        <message>
            <source>Sending mail on: how many deliveries run at once, an optional smarthost (relay) for all outgoing mail, and static routes for single domains.</source>
            <translation>Envío del correo: cuántas entregas se hacen a la vez, un smarthost (relay) opcional para todo el correo saliente y rutas estáticas para dominios concretos.</translation>
        </message>
        <message>
            <source>Rate limiting</source>
            <translation>Limitación de tasa</translation>
        </message>
        <message>
            <source>Protection against floods and password guessing, counted per client IP address. Addresses on the exempt list are never limited.</source>
            <translation>Protección contra avalanchas y adivinación de contraseñas, contada por dirección IP de cliente. Las direcciones de la lista de exentos nunca se limitan.</translation>
        </message>
        <message>
            <source>Users and aliases</source>
            <translation>Usuarios y alias</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Cola</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Registro</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnóstico</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Open config.json...</source>
            <translation>&amp;Abrir config.json…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>Write config.json (Ctrl+S)</source>
            <translation>Escribir config.json (Ctrl+S)</translation>
        </message>
        <message>
            <source>Save and &amp;Reload</source>
            <translation>Guardar y &amp;recargar</translation>
        </message>
        <message>
            <source>Write config.json and tell the daemon to apply it (Ctrl+R)</source>
            <translation>Escribir config.json y pedir al servicio que la aplique (Ctrl+R)</translation>
        </message>
        <message>
            <source>Re&amp;vert</source>
            <translation>Des&amp;cartar</translation>
        </message>
        <message>
            <source>Forget all unsaved changes</source>
            <translation>Descartar todos los cambios sin guardar</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Daemon</source>
            <translation>S&amp;ervicio</translation>
        </message>
        <message>
            <source>&amp;Reload configuration</source>
            <translation>&amp;Recargar la configuración</translation>
        </message>
        <message>
            <source>Connect to &amp;socket...</source>
            <translation>Conectar al &amp;socket…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Predeterminado del sistema</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>&amp;About postroom-admin</source>
            <translation>&amp;Acerca de postroom-admin</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Acerca de &amp;Qt</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Principal</translation>
        </message>
        <message>
            <source>%1 does not exist yet: showing the defaults. Save creates it.</source>
            <translation>%1 todavía no existe: se muestran los valores predeterminados. Al guardar se crea.</translation>
        </message>
        <message>
            <source>config.json has problems; they are marked on the pages.</source>
            <translation>config.json tiene problemas; están marcados en las páginas.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The daemon is not running&lt;/b&gt; (or not reachable at %1). You can still edit and save config.json; it is used when the daemon starts. This window reconnects by itself.</source>
            <translation>&lt;b&gt;El servicio no está en marcha&lt;/b&gt; (o no es accesible en %1). Aun así puede editar y guardar config.json; se usará cuando arranque el servicio. Esta ventana se vuelve a conectar sola.</translation>
        </message>
        <message>
            <source>Connected to the daemon</source>
            <translation>Conectado al servicio</translation>
        </message>
        <message>
            <source>Daemon not running</source>
            <translation>Servicio detenido</translation>
        </message>
        <message>
            <source>no file</source>
            <translation>ningún archivo</translation>
        </message>
        <message>
            <source>%1[*] - Postroom admin</source>
            <translation>%1[*] – Administración de Postroom</translation>
        </message>
        <message>
            <source>This page has invalid values.</source>
            <translation>Esta página tiene valores no válidos.</translation>
        </message>
        <message>
            <source>This page has unsaved changes.</source>
            <translation>Esta página tiene cambios sin guardar.</translation>
        </message>
        <message>
            <source>in use by the daemon</source>
            <translation>en uso por el servicio</translation>
        </message>
        <message>
            <source>named in the form</source>
            <translation>indicado en el formulario</translation>
        </message>
        <message>
            <source>self-signed, generated by the daemon</source>
            <translation>autofirmado, generado por el servicio</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>Nada que guardar.</translation>
        </message>
        <message>
            <source>Not saved: some values are not valid. Fix the marked fields first:</source>
            <translation>No se ha guardado: algunos valores no son válidos. Corrija primero los campos marcados:</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>No se ha guardado: %1</translation>
        </message>
        <message>
            <source>Some changes need a restart of the daemon.</source>
            <translation>Algunos cambios requieren reiniciar el servicio.</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>%1 guardado.</translation>
        </message>
        <message>
            <source>Saved. The daemon is not running; it uses the new settings when it starts.</source>
            <translation>Guardado. El servicio no está en marcha; usará los nuevos ajustes al arrancar.</translation>
        </message>
        <message>
            <source>Saved; asking the daemon to reload...</source>
            <translation>Guardado; pidiendo al servicio que recargue…</translation>
        </message>
        <message>
            <source>Cannot reload: the daemon is not running.</source>
            <translation>No se puede recargar: el servicio no está en marcha.</translation>
        </message>
        <message>
            <source>The daemon reloaded the configuration.</source>
            <translation>El servicio ha recargado la configuración.</translation>
        </message>
        <message>
            <source>The daemon refused the new configuration and keeps running with the previous one. The problems are marked next to the fields:</source>
            <translation>El servicio rechazó la nueva configuración y sigue funcionando con la anterior. Los problemas están marcados junto a los campos:</translation>
        </message>
        <message>
            <source>Reload failed: %1</source>
            <translation>Error al recargar: %1</translation>
        </message>
        <message>
            <source>All unsaved changes were discarded.</source>
            <translation>Se han descartado todos los cambios sin guardar.</translation>
        </message>
        <message>
            <source>Control socket</source>
            <translation>Socket de control</translation>
        </message>
        <message>
            <source>Path of the daemon's control socket (empty: the one from config.json):</source>
            <translation>Ruta del socket de control del servicio (vacío: el de config.json):</translation>
        </message>
        <message>
            <source>Open config.json</source>
            <translation>Abrir config.json</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>Archivos JSON (*.json);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Discard changes?</source>
            <translation>¿Descartar los cambios?</translation>
        </message>
        <message>
            <source>The current config has unsaved changes. Discard them and open the other file?</source>
            <translation>La configuración actual tiene cambios sin guardar. ¿Descartarlos y abrir el otro archivo?</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>No se puede abrir</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>The new language is used the next time postroom-admin starts.</source>
            <translation>El nuevo idioma se usará la próxima vez que se inicie postroom-admin.</translation>
        </message>
        <message>
            <source>About postroom-admin</source>
            <translation>Acerca de postroom-admin</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Postroom admin %1&lt;/h3&gt;&lt;p&gt;The administration program for the Postroom mail server: settings, users, queue, log and live statistics.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Administración de Postroom %1&lt;/h3&gt;&lt;p&gt;El programa de administración del servidor de correo Postroom: ajustes, usuarios, cola, registro y estadísticas en vivo.&lt;/p&gt;&lt;p&gt;Compilado con Qt %2.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <source>Save the changes to config.json before closing?</source>
            <translation>¿Guardar los cambios en config.json antes de cerrar?</translation>
        </message>
        <message>
            <source>Cannot write %1</source>
            <translation>No se puede escribir %1</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>New password for %1</source>
            <translation>Nueva contraseña para %1</translation>
        </message>
        <message>
            <source>Set password</source>
            <translation>Establecer contraseña</translation>
        </message>
        <message>
            <source>&amp;New password:</source>
            <translation>&amp;Nueva contraseña:</translation>
        </message>
        <message>
            <source>&amp;Repeat password:</source>
            <translation>&amp;Repetir contraseña:</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>La contraseña debe tener al menos %1 caracteres.</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Las dos contraseñas no coinciden.</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Cannot open the configuration</source>
            <translation>No se puede abrir la configuración</translation>
        </message>
    </context>
    <context>
        <name>QueuePage</name>
        <message>
            <source>Delivery queue</source>
            <translation>Cola de entrega</translation>
        </message>
        <message>
            <source>&amp;Retry now</source>
            <translation>&amp;Reintentar ahora</translation>
        </message>
        <message>
            <source>Try to deliver the selected message again now.</source>
            <translation>Intentar entregar de nuevo ahora el mensaje seleccionado.</translation>
        </message>
        <message>
            <source>Remove...</source>
            <translation>Quitar…</translation>
        </message>
        <message>
            <source>Delete the selected message from the queue without delivering it.</source>
            <translation>Eliminar de la cola el mensaje seleccionado sin entregarlo.</translation>
        </message>
        <message>
            <source>&amp;Flush queue</source>
            <translation>&amp;Vaciar la cola</translation>
        </message>
        <message>
            <source>Try to deliver every waiting message now, without waiting for its next attempt time.</source>
            <translation>Intentar entregar ahora todos los mensajes en espera, sin esperar a su próximo intento.</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualizar</translation>
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
            <translation>Destinatarios</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Llegada</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Tamaño</translation>
        </message>
        <message>
            <source>Next attempt</source>
            <translation>Próximo intento</translation>
        </message>
        <message>
            <source>Select a message to see each recipient's state and last error.</source>
            <translation>Seleccione un mensaje para ver el estado y el último error de cada destinatario.</translation>
        </message>
        <message>
            <source>The daemon is not running: the queue can only be shown while it runs.</source>
            <translation>El servicio no está en marcha: la cola solo se puede mostrar mientras funciona.</translation>
        </message>
        <message>
            <source>Queue: %1</source>
            <translation>Cola: %1</translation>
        </message>
        <message>
            <source>%1 queued</source>
            <translation>%1 en cola</translation>
        </message>
        <message>
            <source>%1 deferred</source>
            <translation>%1 aplazado(s)</translation>
        </message>
        <message>
            <source>%1 delivered</source>
            <translation>%1 entregado(s)</translation>
        </message>
        <message>
            <source>%1 bounced</source>
            <translation>%1 devuelto(s)</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s) in the queue</source>
            <translation>
                <numerusform>%n mensaje en la cola</numerusform>
                <numerusform>%n mensajes en la cola</numerusform>
            </translation>
        </message>
        <message>
            <source>Message %1</source>
            <translation>Mensaje %1</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>De:</translation>
        </message>
        <message>
            <source>Arrived:</source>
            <translation>Llegada:</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Destinatario</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Intentos</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Último error</translation>
        </message>
        <message>
            <source>Message %1 will be retried now.</source>
            <translation>El mensaje %1 se va a reintentar ahora.</translation>
        </message>
        <message>
            <source>Remove message</source>
            <translation>Quitar mensaje</translation>
        </message>
        <message>
            <source>Remove message %1 from the queue? It will not be delivered and the sender is not told.</source>
            <translation>¿Quitar el mensaje %1 de la cola? No se entregará y no se avisará al remitente.</translation>
        </message>
        <message>
            <source>Message %1 removed.</source>
            <translation>Mensaje %1 quitado.</translation>
        </message>
        <message>
            <source>Delivery of every waiting message was started.</source>
            <translation>Se ha iniciado la entrega de todos los mensajes en espera.</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Cola</translation>
        </message>
    </context>
    <context>
        <name>RouteEditor</name>
        <message>
            <source>Destination domain</source>
            <translation>Dominio de destino</translation>
        </message>
        <message>
            <source>Deliver to (host:port)</source>
            <translation>Entregar a (host:puerto)</translation>
        </message>
        <message>
            <source>Add route</source>
            <translation>Añadir ruta</translation>
        </message>
        <message>
            <source>Remove route</source>
            <translation>Quitar ruta</translation>
        </message>
    </context>
    <context>
        <name>SavePreviewDialog</name>
        <message>
            <source>Save and reload</source>
            <translation>Guardar y recargar</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>Guardar los cambios</translation>
        </message>
        <message>
            <source>These settings will be written to config.json:</source>
            <translation>Estos ajustes se escribirán en config.json:</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Ajuste</translation>
        </message>
        <message>
            <source>Saved value</source>
            <translation>Valor guardado</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>Valor nuevo</translation>
        </message>
        <message>
            <source>Takes effect</source>
            <translation>Se aplica</translation>
        </message>
        <message>
            <source>after a restart</source>
            <translation>tras reiniciar</translation>
        </message>
        <message>
            <source>now (reload)</source>
            <translation>ahora (recarga)</translation>
        </message>
        <message>
            <source>on the next reload</source>
            <translation>en la próxima recarga</translation>
        </message>
        <message>
            <source>Some changes take effect only when the daemon is restarted.</source>
            <translation>Algunos cambios solo se aplican al reiniciar el servicio.</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(sin definir)</translation>
        </message>
        <message numerus="yes">
            <source>(hidden, %n character(s))</source>
            <translation>
                <numerusform>(oculto, %n carácter)</numerusform>
                <numerusform>(oculto, %n caracteres)</numerusform>
            </translation>
        </message>
        <message>
            <source>(empty list)</source>
            <translation>(lista vacía)</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ninguno)</translation>
        </message>
        <message>
            <source>on</source>
            <translation>activado</translation>
        </message>
        <message>
            <source>off</source>
            <translation>desactivado</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Users and aliases</source>
            <translation>Usuarios y alias</translation>
        </message>
        <message>
            <source>Search users by address or name</source>
            <translation>Buscar usuarios por dirección o nombre</translation>
        </message>
        <message>
            <source>&amp;Add user...</source>
            <translation>&amp;Añadir usuario…</translation>
        </message>
        <message>
            <source>Remove...</source>
            <translation>Quitar…</translation>
        </message>
        <message>
            <source>Reset password...</source>
            <translation>Restablecer contraseña…</translation>
        </message>
        <message>
            <source>Set quota...</source>
            <translation>Fijar cuota…</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>Desactivar</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Quota</source>
            <translation>Cuota</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>Usado</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Select a user to see their folders.</source>
            <translation>Seleccione un usuario para ver sus carpetas.</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Carpeta</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Mensajes</translation>
        </message>
        <message>
            <source>Unread</source>
            <translation>No leídos</translation>
        </message>
        <message>
            <source>Folders</source>
            <translation>Carpetas</translation>
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
            <translation>Entrega a</translation>
        </message>
        <message>
            <source>Add alias...</source>
            <translation>Añadir alias…</translation>
        </message>
        <message>
            <source>Remove alias</source>
            <translation>Quitar alias</translation>
        </message>
        <message>
            <source>The daemon is not running: users and aliases can only be managed while it runs.</source>
            <translation>El servicio no está en marcha: los usuarios y alias solo se pueden gestionar mientras funciona.</translation>
        </message>
        <message>
            <source>Users: %1</source>
            <translation>Usuarios: %1</translation>
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
            <translation>Sin límite</translation>
        </message>
        <message>
            <source>enabled</source>
            <translation>activado</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>desactivado</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>Activar</translation>
        </message>
        <message>
            <source>User %1 added.</source>
            <translation>Usuario %1 añadido.</translation>
        </message>
        <message>
            <source>Remove user</source>
            <translation>Quitar usuario</translation>
        </message>
        <message>
            <source>Remove %1? The user can no longer log in or receive mail.</source>
            <translation>¿Quitar %1? El usuario ya no podrá iniciar sesión ni recibir correo.</translation>
        </message>
        <message>
            <source>Also delete all of this user's mail</source>
            <translation>Borrar también todo el correo de este usuario</translation>
        </message>
        <message>
            <source>User %1 removed.</source>
            <translation>Usuario %1 quitado.</translation>
        </message>
        <message>
            <source>Password of %1 changed.</source>
            <translation>Contraseña de %1 cambiada.</translation>
        </message>
        <message>
            <source>Set quota</source>
            <translation>Fijar cuota</translation>
        </message>
        <message>
            <source>Quota of %1 in MiB (0 means no limit):</source>
            <translation>Cuota de %1 en MiB (0 significa sin límite):</translation>
        </message>
        <message>
            <source>%1 has no quota now.</source>
            <translation>%1 ya no tiene cuota.</translation>
        </message>
        <message>
            <source>Quota of %1 set to %2 MiB.</source>
            <translation>Cuota de %1 fijada en %2 MiB.</translation>
        </message>
        <message>
            <source>%1 is enabled again.</source>
            <translation>%1 vuelve a estar activado.</translation>
        </message>
        <message>
            <source>Add alias</source>
            <translation>Añadir alias</translation>
        </message>
        <message>
            <source>Alias address (e.g. info@example.com):</source>
            <translation>Dirección del alias (p. ej. info@example.com):</translation>
        </message>
        <message>
            <source>"%1" is not a valid mail address: %2</source>
            <translation>«%1» no es una dirección de correo válida: %2</translation>
        </message>
        <message>
            <source>Deliver mail for %1 to (addresses, separated by commas):</source>
            <translation>Entregar el correo de %1 a (direcciones separadas por comas):</translation>
        </message>
        <message>
            <source>An alias needs at least one target address.</source>
            <translation>Un alias necesita al menos una dirección de destino.</translation>
        </message>
        <message>
            <source>Alias %1 added.</source>
            <translation>Alias %1 añadido.</translation>
        </message>
        <message>
            <source>Remove the alias %1?</source>
            <translation>¿Quitar el alias %1?</translation>
        </message>
        <message>
            <source>Alias %1 removed.</source>
            <translation>Alias %1 quitado.</translation>
        </message>
        <message>
            <source>%1 is disabled and can no longer log in.</source>
            <translation>%1 está desactivado y ya no puede iniciar sesión.</translation>
        </message>
    </context>
</TS>
