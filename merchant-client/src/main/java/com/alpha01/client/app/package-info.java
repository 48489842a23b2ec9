/** The desktop application: configuration, start-up wiring, and the glue between link, answers and UI. */
package com.alpha01.client.app;
