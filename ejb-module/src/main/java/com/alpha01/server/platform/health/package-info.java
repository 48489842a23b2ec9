/** Whether this node can do its work, for load balancers and monitoring ({@code GET /api/v1/health}). */
package com.alpha01.server.platform.health;
