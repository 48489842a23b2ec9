/** Use cases of the identity context: what signed-in people do to their own accounts. */
package com.alpha01.server.identity.application;
