package com.maxmysales.platform;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * An SMTP server the platform sends plain-text mail (and, for a report, one attachment) through, as each module configures it under its own
 * settings: one way to connect (timeouts, STARTTLS, login only when a username is given) for every mail the
 * platform sends, whichever module sends it.
 *
 * @param username empty: no login
 */
public record SmtpServer(String host, int port, String username, String password, boolean starttls) {

    /** Sends one plain-text mail; the caller decides what a failure means (retry later, or tell the user). */
    public void send(String from, String to, String subject, String text) throws MessagingException, MailException {
        var sender = sender();
        var message = sender.createMimeMessage();
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        sender.send(message);
    }

    /** Sends one plain-text mail with one file attached (a report). */
    public void send(String from, String to, String subject, String text, String fileName, String contentType,
            byte[] file) throws MessagingException, MailException {
        var sender = sender();
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress(from));
        helper.setTo(InternetAddress.parse(to));
        helper.setSubject(subject);
        helper.setText(text, false);
        helper.addAttachment(fileName, new ByteArrayResource(file), contentType);
        sender.send(message);
    }

    private JavaMailSenderImpl sender() {
        var sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(port);
        if (!username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(password);
            sender.getJavaMailProperties().put("mail.smtp.auth", "true");
        }
        sender.getJavaMailProperties().put("mail.smtp.starttls.enable", String.valueOf(starttls));
        // A mail server that does not answer must not hold a request thread or a poller for minutes.
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "30000");
        return sender;
    }
}
