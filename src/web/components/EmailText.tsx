/** An email address (or other left-to-right token) inside any text: laid out left to right as a
 * block of its own, so that wrapping at "-" or "." never reorders it in Arabic. */
export function EmailText({ children }: { children: string }) {
  return (
    <bdi dir="ltr" style={{ display: 'inline-block', maxWidth: '100%', overflowWrap: 'anywhere', verticalAlign: 'top' }}>
      {children}
    </bdi>
  );
}
