package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.chat.domain.Presence;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * On start-up, before any socket opens here: presence rows that still name this node are from its
 * previous life (a crash leaves them), so they are cleared. Node names must be unique in a cluster.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrator")
public class ClusterNode {

    private static final Logger LOG = Logger.getLogger(ClusterNode.class);

    @Inject
    Presence presence;

    @PostConstruct
    void started() {
        int stale = presence.forgetThisNode();
        LOG.infof("Node %s serving; %d stale presence rows of this node cleared", ServerConfig.nodeName(), stale);
    }
}
