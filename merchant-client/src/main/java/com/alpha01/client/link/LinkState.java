package com.alpha01.client.link;

/** Connection state of the link, as shown in the UI. */
public enum LinkState {
    CONNECTING,
    ONLINE,
    OFFLINE,
    CLOSED
}
