import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * The mail server of the intake bench: GreenMail's IMAP on the given port with the support mailbox already holding
 * N authenticated customer mails (put in once the go file given exists) (each with a card number, so that redaction has work), then waits to be killed.
 * Run by run.sh as a single-file program on the server-config test classpath.
 */
public class MailBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        String support = "support@bench.test";
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mail.start();
        mail.setUser(support, support, "bench-password");
        // the mails go in only once the application is up (run.sh creates the go file), so start-up is not measured
        java.nio.file.Path go = java.nio.file.Path.of(args[2]);
        System.out.println("listening");
        System.out.flush();
        while (!java.nio.file.Files.exists(go)) {
            Thread.sleep(100);
        }
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < n; i++) {
            String from = "customer" + (i % 200) + "@bench.example.org";
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from, "Bench Customer " + (i % 200)));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(support));
            message.setSubject("Bench mail " + i + ": printer offline", "UTF-8");
            message.setText("Hello,\nthe printer on floor " + (i % 7) + " is offline again.\nMy card 4111 1111 1111"
                    + " 1111 was charged twice; call me at +49 30 1234567.\nRegards\n", "UTF-8");
            message.saveChanges();
            message.setHeader("Message-ID", "<bench-" + i + "-" + System.nanoTime() + "@bench.example.org>");
            message.addHeader("Authentication-Results", "mx.bench.test; spf=pass smtp.mailfrom=" + from
                    + "; dkim=pass header.d=bench.example.org; dmarc=pass header.from=bench.example.org");
            mail.getUserManager().getUser(support).deliver(message);
        }
        System.out.println("ready " + n);
        System.out.flush();
        Thread.currentThread().join();
    }
}
