package com.alpha01.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR as Maven built it: tests deploy exactly what production deploys. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("alpha01.ear")));
    }
}
