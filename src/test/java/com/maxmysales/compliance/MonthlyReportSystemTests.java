package com.maxmysales.compliance;

import java.time.YearMonth;
import java.util.Arrays;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.TestMail;
import com.maxmysales.tenancy.SignUp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The monthly compliance report by email: a real SMTP server (GreenMail) receives the PDF, once per month. */
@PlatformTest
class MonthlyReportSystemTests {

    private static final GreenMail MAIL = TestMail.server();

    @Autowired
    SignUp signUp;
    @Autowired
    MonthlyReports monthly;

    /**
     * The owner gets last month's report as a PDF of that month, with the workspace's name in it; asking again for the
     * same month sends nothing. Without the mailing row (MonthlyReports.send) → a second mail: fails.
     */
    @Test
    void theOwnerGetsTheMonthsReportAsAPdfOnce() throws Exception {
        var email = "owner-" + System.nanoTime() + "@monthly.example";
        var name = "Monthly shop " + System.nanoTime() % 10_000;
        var created = (SignUp.Result.Created) signUp.register(
                new SignUp.Form(name, "Isha", email, "a long enough password", true, true));
        var month = YearMonth.of(2026, 11);

        assertThat(monthly.send(created.workspace(), month)).isEqualTo(1);
        await(() -> mailsTo(email).length == 1);
        var mail = mailsTo(email)[0];
        assertThat(mail.getSubject()).contains("2026-11", name);
        var pdf = attachment(mail);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(document)).contains(name, "2026-11-01", "2026-11-30");
        }

        assertThat(monthly.send(created.workspace(), month)).as("the same month again").isZero();
        assertThat(mailsTo(email)).hasSize(1);
    }

    private static byte[] attachment(MimeMessage mail) throws Exception {
        var parts = (Multipart) mail.getContent();
        for (var i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getContentType()).startsWith("application/pdf");
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment in " + GreenMailUtil.getBody(mail));
    }

    private static MimeMessage[] mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return GreenMailUtil.getAddressList(message.getAllRecipients()).equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }
}
