package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.devstack.PostgresBackup;
import com.alpha01.protocol.Frame;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code bin/alpha01 backup}/{@code restore}'s database part against the tests' real PostgreSQL under a real
 * exchange: a backup taken while the server runs, a message written after it, the database stopped and
 * restored: the application serves the history as it was at the backup, by itself, and takes new messages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupRestoreIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void the_application_serves_the_restored_history_and_goes_on() throws Exception {
        Path zip = Files.createTempDirectory("alpha01-backup-it").resolve("alpha01.zip");
        try (ChatScene scene = ChatScene.open("backup", "备份之前的问题")) {
            PostgresBackup.Written backup = PostgresBackup.backup(TestEnvironment.pgData(), TestEnvironment.pgPort(), zip);
            assertTrue(backup.bytes() > 0);
            long later = Customers.say(scene.customer, "备份之后的问题");
            assertTrue(later > scene.question);
            assertTrue(history(scene).contains("备份之后的问题"));

            TestEnvironment.stopPostgres();
            try {
                PostgresBackup.restore(zip, TestEnvironment.pgData());
            } finally {
                TestEnvironment.startPostgres();
            }
            Waits.until("the restored history is served", () -> {
                String body = historyOrNull(scene);
                return body != null && body.contains("备份之前的问题");
            });
            String restored = history(scene);
            assertTrue(!restored.contains("备份之后的问题"), "what came after the backup is not in it: " + restored);

            // The application goes on with the restored data: the client answers the question kept.
            String id = "backup-answer-" + System.nanoTime();
            scene.client.send(new Frame.Reply(id, scene.conv, "已恢复，继续为您服务", Frame.Sender.STAFF, scene.question));
            Frame.Ack ack = scene.client.await(Frame.Ack.class, a -> a.id().equals(id));
            assertEquals(scene.question + 1, ack.seq(), "numbered on from the restored history");
            assertTrue(history(scene).contains("已恢复，继续为您服务"));
        }
    }

    private static String history(ChatScene scene) throws Exception {
        HttpResponse<String> r = Rest.get(scene.staff.get(), "/api/v1/conversations/" + scene.conv + "/messages");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** The history, or null while the database is still coming back (the server answers a retryable error). */
    private static String historyOrNull(ChatScene scene) throws Exception {
        HttpResponse<String> r = Rest.get(scene.staff.get(), "/api/v1/conversations/" + scene.conv + "/messages");
        return r.statusCode() == 200 ? r.body() : null;
    }
}
