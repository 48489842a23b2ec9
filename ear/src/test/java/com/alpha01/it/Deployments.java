package com.alpha01.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real EAR as Maven built it: tests deploy exactly what production deploys. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("alpha01.ear")));
    }

    /** {@link PoisonServlet} on its own, deployed beside the EAR by the tests that put a poison message on the relay. */
    static WebArchive poison() {
        return ShrinkWrap.create(WebArchive.class, "it-poison.war").addClass(PoisonServlet.class);
    }
}
