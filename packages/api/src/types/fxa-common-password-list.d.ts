declare module "fxa-common-password-list" {
  /** Mozilla's list of common passwords (from the top million leaked), 8 characters or more. */
  const list: { test(password: string): boolean };
  export default list;
}
