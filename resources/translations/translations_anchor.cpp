// hpascope_translations holds only the compiled translations (resource prefix /i18n); a static
// library needs one source of its own.
namespace hpascope {
int translationsAnchor()
{
    return 0;
}
} // namespace hpascope
