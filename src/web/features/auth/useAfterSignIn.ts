import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../../api/types';
import { storedLocale } from '../../i18n/index';
import i18n from '../../i18n/index';
import { useAdoptMe } from './session';

/** Where a signed-in person lands: the page they were sent away from, else home. Takes the
 * account's language when this device has no choice of its own. */
export function useAfterSignIn() {
  const adopt = useAdoptMe();
  const navigate = useNavigate();
  const location = useLocation();
  return (me: Me) => {
    if (!storedLocale() && me.user.locale !== i18n.resolvedLanguage) void i18n.changeLanguage(me.user.locale);
    adopt(me);
    const from = (location.state as { from?: string } | null)?.from;
    void navigate(from && from.startsWith('/') && !from.startsWith('//') ? from : '/', { replace: true });
  };
}
