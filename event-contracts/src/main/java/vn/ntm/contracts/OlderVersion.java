package vn.ntm.contracts;

/**
 * A payload in an older schema version that consumers still read: decoding turns it into the current version, so
 * a consumer is written against one record only. A breaking change to a payload adds its new version to
 * {@link EventTypes} and keeps the old record, implementing this, under the old version number.
 */
public interface OlderVersion {

    /** The same fact in the payload's current schema version. */
    IntegrationPayload upcast();
}
