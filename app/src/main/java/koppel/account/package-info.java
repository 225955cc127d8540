/**
 * The merchant's account: the trial sign-up, the initial password and its reset, the licence keys
 * of a login, the trial's e-mails and the subscription flag an operator sets. Ports (SignupStore,
 * TrialNoticeStore) are implemented by persistence.
 */
package koppel.account;
